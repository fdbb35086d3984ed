using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>
/// A stored workflow node as the <see cref="WorkflowNodeChanged"/> message that announces it: the poller publishes it
/// on a change, and the hub replays it to a subscriber that joins after the change went out.
/// </summary>
public static class WorkflowNodeChanges
{
    public static WorkflowNodeChanged Of(WorkflowNodeRecord node, WorkflowApprovalDetails? approval) => new()
    {
        ExecutionId = node.ExecutionId,
        NodeId = node.NodeId,
        Name = node.Name,
        State = node.State,
        JobId = node.JobId,
        StartedAt = node.StartedAt is { } started ? DatabaseTime.AsUtc(started) : null,
        FinishedAt = node.FinishedAt is { } finished ? DatabaseTime.AsUtc(finished) : null,
        WorkflowJobId = node.WorkflowJobId,
        Kind = WorkflowNodeKinds.Of(node.JobType),
        ElapsedSeconds = node.ElapsedSeconds,
        Approval = approval,
    };

    public static WorkflowApprovalDetails Details(WorkflowApprovalRecord approval) => new()
    {
        ApprovalId = approval.ApprovalId,
        Name = approval.Name,
        Description = approval.Description,
        TimeoutSeconds = approval.TimeoutSeconds,
        ExpiresAt = approval.ExpiresAt is { } expires ? DatabaseTime.AsUtc(expires) : null,
        Status = approval.Status,
        TimedOut = approval.TimedOut,
    };
}
