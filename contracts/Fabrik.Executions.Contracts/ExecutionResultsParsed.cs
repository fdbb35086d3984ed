namespace Fabrik.Executions.Contracts;

/// <summary>The finished execution's per-host results are parsed and stored.</summary>
public sealed record ExecutionResultsParsed
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The execution's terminal status.</summary>
    public required ExecutionStatus Status { get; init; }

    /// <summary>True when AWX reports success but some hosts failed or were unreachable.</summary>
    public required bool PartialSuccess { get; init; }

    /// <summary>Per-host results.</summary>
    public required IReadOnlyList<HostResult> Hosts { get; init; }

    /// <summary>Where <see cref="Hosts"/> came from.</summary>
    public required HostResultsSource Source { get; init; }

    /// <summary>The job's run time as AWX measured it.</summary>
    public double? ElapsedSeconds { get; init; }
}
