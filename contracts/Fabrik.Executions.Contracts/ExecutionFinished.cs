namespace Fabrik.Executions.Contracts;

/// <summary>
/// The AWX job ended and its output is stored: every counter up to <see cref="FinalCounter"/>, or, when a bounded
/// wait for missing counters or for AWX to finish processing events expired, all but <see cref="MissingCounters"/>.
/// </summary>
public sealed record ExecutionFinished
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the job.</summary>
    public required long AwxJobId { get; init; }

    /// <summary>The terminal status.</summary>
    public required ExecutionStatus Status { get; init; }

    /// <summary>The highest counter the job emitted.</summary>
    public required long FinalCounter { get; init; }

    /// <summary>
    /// True when every counter from 1 to <see cref="FinalCounter"/> is stored and AWX confirmed it saved every event
    /// (<c>event_processing_finished</c>; of every job, for a workflow). False, maybe with no <see cref="MissingCounters"/>,
    /// when AWX never confirmed it (the job vanished, or the wait ran out): what AWX saved later is not in the copy.
    /// </summary>
    public required bool Complete { get; init; }

    /// <summary>Counters AWX never made visible within the wait; empty when complete.</summary>
    public required IReadOnlyList<long> MissingCounters { get; init; }

    /// <summary>When AWX finished the job.</summary>
    public required DateTimeOffset FinishedAt { get; init; }
}
