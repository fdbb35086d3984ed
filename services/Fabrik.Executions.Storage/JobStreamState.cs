namespace Fabrik.Executions.Storage;

/// <summary>A row of <c>job_streams</c>: how far the copy of one AWX job's events has come.</summary>
public sealed record JobStreamState
{
    public Guid ExecutionId { get; init; }
    public long JobId { get; init; }
    public long Watermark { get; init; }
    public long PublishedWatermark { get; init; }
    public long MaxCounter { get; init; }
    public long? FinalCounter { get; init; }
}
