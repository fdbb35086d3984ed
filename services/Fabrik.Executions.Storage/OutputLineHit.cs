namespace Fabrik.Executions.Storage;

/// <summary>A line of an execution's output that contains a searched phrase, without its terminal colours.</summary>
public sealed record OutputLineHit
{
    public long JobId { get; init; }
    public long Counter { get; init; }

    /// <summary>The line's number in the job's whole output, from 1.</summary>
    public long LineNumber { get; init; }

    public string Line { get; init; } = "";
    public string? Host { get; init; }
    public string? Task { get; init; }
}
