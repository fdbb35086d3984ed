namespace Fabrik.Executions.Storage;

/// <summary>A row of <c>workflow_approvals</c>: an approval node's AWX approval and the decision passed on to AWX.</summary>
public sealed record WorkflowApprovalRecord
{
    public Guid ExecutionId { get; init; }
    public long ApprovalId { get; init; }
    public long? NodeId { get; init; }
    public long? WorkflowJobId { get; init; }
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public int TimeoutSeconds { get; init; }

    /// <summary>AWX's status of the approval: <c>pending</c>, <c>successful</c> (approved), <c>failed</c> (denied or timed out), <c>canceled</c>.</summary>
    public string Status { get; init; } = "pending";

    public bool TimedOut { get; init; }
    public string? DecidedBy { get; init; }
    public string? DecisionComment { get; init; }
    public DateTime? DecidedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
}
