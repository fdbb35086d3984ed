namespace Fabrik.Executions.Storage;

/// <summary>What a workflow node runs, named as the HTTP API and <c>WorkflowNodeChanged</c> name it, from AWX's type words.</summary>
public static class WorkflowNodeKinds
{
    /// <summary>From the type of the job the node spawned, else of its template.</summary>
    public static string Of(string? awxType) => awxType switch
    {
        "workflow_job" or "workflow_job_template" => "workflow",
        "workflow_approval" or "workflow_approval_template" => "approval",
        "project_update" or "project" => "project_update",
        "inventory_update" or "inventory_source" => "inventory_update",
        _ => "job",
    };
}
