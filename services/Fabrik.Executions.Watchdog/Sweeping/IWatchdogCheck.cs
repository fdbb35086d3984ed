namespace Fabrik.Executions.Watchdog.Sweeping;

/// <summary>One kind of stalled execution the sweep looks for and acts on; every action is safe to repeat.</summary>
public interface IWatchdogCheck
{
    /// <summary>Names the check in logs and metrics.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
