using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>A status change that took effect: the status it left and the one it reached.</summary>
public sealed record StatusTransition
{
    public Guid ExecutionId { get; init; }
    public ExecutionStatus Previous { get; init; }
    public ExecutionStatus Current { get; init; }
    public long? AwxJobId { get; init; }
    public DateTime ChangedAt { get; init; }

    /// <summary>The event every owner of a status change publishes for it.</summary>
    public ExecutionStatusChanged ToMessage(string? explanation) => new()
    {
        ExecutionId = ExecutionId,
        Status = Current,
        PreviousStatus = Previous,
        Explanation = explanation,
        AwxJobId = AwxJobId,
        ChangedAt = DatabaseTime.AsUtc(ChangedAt),
    };
}
