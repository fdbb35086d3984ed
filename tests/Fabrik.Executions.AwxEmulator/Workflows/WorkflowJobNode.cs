using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A node of a running workflow job; changed only under its workflow job's lock.</summary>
internal sealed class WorkflowJobNode(int id, WorkflowNodeSettings settings, UnifiedTemplateReference? template, NodeEdges edges, DateTimeOffset created)
{
    public int Id { get; } = id;

    public WorkflowNodeSettings Settings { get; } = settings;

    /// <summary>Null when the template was gone at launch: AWX then follows the node's failure paths.</summary>
    public UnifiedTemplateReference? Template { get; set; } = template;

    public NodeEdges Edges { get; } = edges;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Modified { get; set; } = created;

    public bool DoNotRun { get; set; }

    public INodeJob? Job { get; set; }

    /// <summary>The artifacts of every ancestor, saved when the node's job is spawned.</summary>
    public Dictionary<string, JsonElement> AncestorArtifacts { get; set; } = [];
}
