using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>AWX's workflow node, read into the node states and kinds Fabrik shows.</summary>
public static class WorkflowNodeStates
{
    public const string JobType = "job";
    public const string WorkflowJobType = "workflow_job";
    public const string ApprovalType = "workflow_approval";

    /// <summary>Pending until it spawned a job, skipped when AWX decided not to run it, then its job's status.</summary>
    public static WorkflowNodeState Of(AwxWorkflowNode node)
    {
        if (node.Job is null)
        {
            return node.DoNotRun ? WorkflowNodeState.Skipped : WorkflowNodeState.Pending;
        }

        return node.JobStatus switch
        {
            "running" => WorkflowNodeState.Running,
            "successful" => WorkflowNodeState.Successful,
            "failed" => WorkflowNodeState.Failed,
            "error" => WorkflowNodeState.Error,
            "canceled" => WorkflowNodeState.Canceled,
            _ => WorkflowNodeState.Waiting,
        };
    }

    public static bool IsSettled(WorkflowNodeState state) =>
        state is WorkflowNodeState.Successful or WorkflowNodeState.Failed or WorkflowNodeState.Error
            or WorkflowNodeState.Canceled or WorkflowNodeState.Skipped;

}
