using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>A row of <c>workflow_nodes</c>: one node of a workflow execution's AWX workflow job (or of a workflow nested in it).</summary>
public sealed record WorkflowNodeRecord
{
    public Guid ExecutionId { get; init; }
    public long NodeId { get; init; }
    public long WorkflowJobId { get; init; }
    public string? Identifier { get; init; }
    public string Name { get; init; } = "";
    public int? UnifiedJobTemplateId { get; init; }

    /// <summary>What the node runs, in AWX's words: <c>job</c>, <c>workflow_job</c>, <c>workflow_approval</c>, ...</summary>
    public string? JobType { get; init; }

    public long? JobId { get; init; }
    public WorkflowNodeState State { get; init; }
    public bool DoNotRun { get; init; }
    public long[] SuccessNodes { get; init; } = [];
    public long[] FailureNodes { get; init; } = [];
    public long[] AlwaysNodes { get; init; } = [];

    /// <summary>What the node's job set with <c>set_stats</c>, as JSON text.</summary>
    public string? Artifacts { get; init; }

    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public double? ElapsedSeconds { get; init; }
}
