using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>A relaunch about to be created: the execution it relaunches (its request's input), and what changes.</summary>
public sealed record RelaunchProposal
{
    /// <summary>The execution being relaunched, whose template snapshot, extra vars, inventory and credentials are reused.</summary>
    public required ExecutionRecord Relaunched { get; init; }

    public required RelaunchHosts Hosts { get; init; }

    /// <summary>The AWX limit the relaunch runs with.</summary>
    public string? Limit { get; init; }

    public required string RequestedBy { get; init; }
}
