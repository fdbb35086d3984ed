namespace Fabrik.Executions.Contracts;

/// <summary>Sent by the Watchdog when an execution's stream stopped moving: a poller takes it over from the stored watermark.</summary>
public sealed record ResumeStreaming
{
    /// <summary>The execution to resume.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>Why the Watchdog resumed it (expired keepalive, lost lease).</summary>
    public required string Reason { get; init; }
}
