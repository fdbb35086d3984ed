namespace Fabrik.Executions.Contracts;

/// <summary>An approval a workflow waits on, as an operator sees it.</summary>
public sealed record WorkflowApprovalDetails
{
    /// <summary>AWX's id of the approval: the one to approve or deny.</summary>
    public required long ApprovalId { get; init; }

    /// <summary>The approval's name, as its node names it.</summary>
    public required string Name { get; init; }

    /// <summary>What the operator is asked to approve.</summary>
    public required string Description { get; init; }

    /// <summary>Seconds AWX waits for a decision before it times the approval out; 0 waits for ever.</summary>
    public required int TimeoutSeconds { get; init; }

    /// <summary>When AWX times the approval out, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>AWX's status: <c>pending</c>, <c>successful</c> (approved), <c>failed</c> (denied or timed out), <c>canceled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>True when nobody decided within the timeout.</summary>
    public required bool TimedOut { get; init; }
}
