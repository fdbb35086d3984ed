using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api.Workflows;

/// <summary>An approval node's approval: what is asked, its timeout, and the decision passed on to AWX.</summary>
public sealed record WorkflowApprovalResource
{
    /// <summary>AWX's id of the approval, for <c>POST .../approvals/{id}/approve</c> and <c>/deny</c>.</summary>
    public required long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>AWX's status: <c>pending</c>, <c>successful</c> (approved), <c>failed</c> (denied or timed out), <c>canceled</c>.</summary>
    public required string Status { get; init; }

    public required string Description { get; init; }

    /// <summary>Seconds AWX waits for a decision; 0 waits for ever.</summary>
    public required int TimeoutSeconds { get; init; }

    public required bool TimedOut { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? DecidedBy { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public static WorkflowApprovalResource From(WorkflowApprovalRecord approval) => new()
    {
        Id = approval.ApprovalId,
        Name = approval.Name,
        Status = approval.Status,
        Description = approval.Description,
        TimeoutSeconds = approval.TimeoutSeconds,
        TimedOut = approval.TimedOut,
        ExpiresAt = ApiTime.Utc(approval.ExpiresAt),
        DecidedBy = approval.DecidedBy,
        Comment = approval.DecisionComment,
        DecidedAt = ApiTime.Utc(approval.DecidedAt),
    };
}
