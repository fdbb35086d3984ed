namespace Fabrik.Executions.Contracts;

/// <summary>An execution moved to another status.</summary>
public sealed record ExecutionStatusChanged
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The new status.</summary>
    public required ExecutionStatus Status { get; init; }

    /// <summary>The status it left.</summary>
    public required ExecutionStatus PreviousStatus { get; init; }

    /// <summary>Why, when the status needs explaining (AWX's job_explanation, a refused launch, a vanished job).</summary>
    public string? Explanation { get; init; }

    /// <summary>AWX's job id, once there is one.</summary>
    public long? AwxJobId { get; init; }

    /// <summary>When the change was recorded.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
