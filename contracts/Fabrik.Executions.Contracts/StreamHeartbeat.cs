namespace Fabrik.Executions.Contracts;

/// <summary>Sent every 5 s per running execution while it is streamed, even when AWX is silent.</summary>
public sealed record StreamHeartbeat
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The highest counter stored with every counter below it stored.</summary>
    public required long Watermark { get; init; }

    /// <summary>When the heartbeat was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
}
