namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A workflow job node as one response shows it, read under its workflow job's lock.</summary>
internal sealed record WorkflowJobNodeSnapshot(
    int Id,
    WorkflowNodeSettings Settings,
    UnifiedTemplateReference? Template,
    IReadOnlyDictionary<WorkflowEdgeKind, IReadOnlyList<int>> Children,
    bool DoNotRun,
    INodeJob? Job,
    DateTimeOffset Created,
    DateTimeOffset Modified)
{
    public static WorkflowJobNodeSnapshot Of(WorkflowJobNode node) => new(
        node.Id,
        node.Settings,
        node.Template,
        node.Edges.Snapshot(),
        node.DoNotRun,
        node.Job,
        node.Created,
        node.Modified);
}
