namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>AWX's three edge types; the JSON and URL name of each is <see cref="WorkflowEdgeKinds.FieldName"/>.</summary>
internal enum WorkflowEdgeKind
{
    Success,
    Failure,
    Always,
}
