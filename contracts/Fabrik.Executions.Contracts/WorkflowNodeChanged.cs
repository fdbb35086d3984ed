namespace Fabrik.Executions.Contracts;

/// <summary>A node of a workflow execution changed state.</summary>
public sealed record WorkflowNodeChanged
{
    /// <summary>The workflow execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the workflow job node.</summary>
    public required long NodeId { get; init; }

    /// <summary>The node's name (AWX's identifier or its template's name).</summary>
    public required string Name { get; init; }

    /// <summary>The node's new state.</summary>
    public required WorkflowNodeState State { get; init; }

    /// <summary>AWX's id of the job the node spawned, once it did.</summary>
    public long? JobId { get; init; }

    /// <summary>When the node's job started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the node's job finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>AWX's id of the workflow job the node belongs to: the execution's, or a nested workflow's.</summary>
    public long? WorkflowJobId { get; init; }

    /// <summary>What the node runs: <c>job</c>, <c>workflow</c> (nested), <c>approval</c>, <c>project_update</c> or <c>inventory_update</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>How long the node's job ran, in seconds, as AWX measured it.</summary>
    public double? ElapsedSeconds { get; init; }

    /// <summary>For an approval node that reached AWX: what the operator is asked to decide.</summary>
    public WorkflowApprovalDetails? Approval { get; init; }
}
