namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A node of a workflow job template; changed only under <see cref="WorkflowTemplateStore"/>'s lock.</summary>
internal sealed class WorkflowTemplateNode(int id, int workflowTemplateId, WorkflowNodeSettings settings, DateTimeOffset created)
{
    public int Id { get; } = id;

    public int WorkflowTemplateId { get; } = workflowTemplateId;

    public WorkflowNodeSettings Settings { get; set; } = settings;

    public NodeEdges Edges { get; init; } = new();

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; } = created;
}
