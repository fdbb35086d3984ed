namespace Fabrik.Executions.AwxEmulator.Workflows;

internal static class WorkflowEdgeKinds
{
    public static IReadOnlyList<WorkflowEdgeKind> All { get; } = [WorkflowEdgeKind.Success, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always];

    /// <summary><c>success_nodes</c>, <c>failure_nodes</c>, <c>always_nodes</c>.</summary>
    public static string FieldName(this WorkflowEdgeKind kind) => kind switch
    {
        WorkflowEdgeKind.Success => "success_nodes",
        WorkflowEdgeKind.Failure => "failure_nodes",
        _ => "always_nodes",
    };
}
