namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>The validation in force until the portal provides one: every relaunch is accepted.</summary>
public sealed class AcceptingRelaunchValidator : IRelaunchValidator
{
    public Task<RelaunchVerdict> ValidateAsync(RelaunchProposal proposal, CancellationToken cancellationToken) =>
        Task.FromResult(RelaunchVerdict.Accepted);
}
