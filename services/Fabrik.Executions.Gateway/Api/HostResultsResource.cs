using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>An execution's per-host results and where they come from.</summary>
public sealed record HostResultsResource
{
    /// <summary>
    /// Where the rows were read: <c>artifacts</c>, <c>job_host_summaries</c>, <c>playbook_on_stats</c> or <c>none</c>
    /// once the results are parsed; <c>job_events</c> while they are counted from the events stored so far.
    /// </summary>
    public required string Source { get; init; }

    /// <summary>True once the results are parsed after the job ended; false while they may still change.</summary>
    public required bool Final { get; init; }

    public required IReadOnlyList<HostResult> Hosts { get; init; }
}
