namespace Fabrik.Executions.Contracts;

/// <summary>Command to the Launcher (request/response): approve or deny a workflow approval node.</summary>
public sealed record DecideApproval
{
    /// <summary>The workflow execution the approval belongs to.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the workflow approval.</summary>
    public required long ApprovalId { get; init; }

    /// <summary>True to approve, false to deny.</summary>
    public required bool Approve { get; init; }

    /// <summary>The decider's comment, recorded with the decision.</summary>
    public string? Comment { get; init; }

    /// <summary>Who decided.</summary>
    public required string DecidedBy { get; init; }
}
