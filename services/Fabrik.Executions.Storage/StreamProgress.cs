namespace Fabrik.Executions.Storage;

/// <summary>What the stored events of a job say about its progress, for a poller that takes the stream over.</summary>
public sealed record StreamProgress
{
    public int TaskStarts { get; init; }
    public long CurrentTaskCounter { get; init; }
    public string? CurrentTask { get; init; }
    public bool StatsSeen { get; init; }
}
