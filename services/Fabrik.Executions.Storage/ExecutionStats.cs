namespace Fabrik.Executions.Storage;

/// <summary>Counts over every execution a filter matches.</summary>
public sealed record ExecutionStats
{
    public long Total { get; init; }
    public long Pending { get; init; }
    public long Waiting { get; init; }
    public long Running { get; init; }
    public long Successful { get; init; }
    public long Failed { get; init; }
    public long Error { get; init; }
    public long Canceled { get; init; }
    public long Relaunches { get; init; }
    public long PartialSuccesses { get; init; }
    public long Incomplete { get; init; }
    public double? AverageElapsedSeconds { get; init; }
    public DateTime? FirstCreatedAt { get; init; }
    public DateTime? LastCreatedAt { get; init; }
}
