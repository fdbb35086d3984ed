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

    /// <summary>What the node runs, named as the HTTP API names it; from the job it spawned, else from its template.</summary>
    public static string Kind(string? awxType) => awxType switch
    {
        JobType => "job",
        WorkflowJobType or "workflow_job_template" => "workflow",
        ApprovalType or "workflow_approval_template" => "approval",
        "project_update" or "project" => "project_update",
        "inventory_update" or "inventory_source" => "inventory_update",
        _ => "job",
    };
}
