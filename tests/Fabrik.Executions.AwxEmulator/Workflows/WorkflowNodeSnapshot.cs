namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A template node as one response shows it, read under the store's lock.</summary>
internal sealed record WorkflowNodeSnapshot(
    int Id,
    int WorkflowTemplateId,
    WorkflowNodeSettings Settings,
    IReadOnlyDictionary<WorkflowEdgeKind, IReadOnlyList<int>> Children,
    DateTimeOffset Created,
    DateTimeOffset Modified)
{
    public static WorkflowNodeSnapshot Of(WorkflowTemplateNode node) => new(
        node.Id,
        node.WorkflowTemplateId,
        node.Settings,
        node.Edges.Snapshot(),
        node.Created,
        node.Modified);
}
