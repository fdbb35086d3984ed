namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>
/// Re-runs a request's validation against current state before it is relaunched (the tenant the original targeted
/// may have been deleted since). The portal implements it; the Launcher's default accepts every relaunch. Register
/// an implementation before <c>AddLauncher</c> (or replace the registration after it) to take over.
/// </summary>
public interface IRelaunchValidator
{
    Task<RelaunchVerdict> ValidateAsync(RelaunchProposal proposal, CancellationToken cancellationToken);
}
