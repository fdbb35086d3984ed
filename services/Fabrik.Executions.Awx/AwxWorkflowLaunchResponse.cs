namespace Fabrik.Executions.Awx;

/// <summary>AWX's 201 answer to a workflow launch: the new workflow job's id.</summary>
public sealed record AwxWorkflowLaunchResponse
{
    public long WorkflowJob { get; init; }
}
