namespace Fabrik.Executions.StreamPoller;

/// <summary>Names this poller process in leases and logs.</summary>
public sealed record PollerIdentity(string Id)
{
    public static PollerIdentity ForThisProcess() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
}
