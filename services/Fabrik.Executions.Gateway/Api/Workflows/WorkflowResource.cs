namespace Fabrik.Executions.Gateway.Api.Workflows;

/// <summary><c>GET /api/v1/executions/{id}/workflow</c>: the workflow's nodes (nested workflows' too) and the edges between them.</summary>
public sealed record WorkflowResource
{
    public required IReadOnlyList<WorkflowNodeResource> Nodes { get; init; }

    public required IReadOnlyList<WorkflowEdgeResource> Edges { get; init; }
}
