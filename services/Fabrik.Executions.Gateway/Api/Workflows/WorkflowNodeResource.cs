using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api.Workflows;

/// <summary>A node of a workflow execution, as the web app draws it.</summary>
public sealed record WorkflowNodeResource
{
    /// <summary>AWX's id of the workflow job node; <c>from_node</c> of a retry names it.</summary>
    public required long Id { get; init; }

    /// <summary>AWX's id of the workflow job the node belongs to: the execution's, or a nested workflow's.</summary>
    public required long WorkflowJobId { get; init; }

    public string? Identifier { get; init; }

    public required string Name { get; init; }

    /// <summary><c>job</c>, <c>workflow</c> (nested), <c>approval</c>, <c>project_update</c> or <c>inventory_update</c>.</summary>
    public required string Kind { get; init; }

    public required WorkflowNodeState State { get; init; }

    /// <summary>AWX's id of the job the node ran; the events of a playbook job are stored under it.</summary>
    public long? JobId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? ElapsedSeconds { get; init; }

    /// <summary>What the node's job set with <c>set_stats</c>, passed on to the nodes after it.</summary>
    public JsonElement? Artifacts { get; init; }

    public WorkflowApprovalResource? Approval { get; init; }

    public static WorkflowNodeResource From(WorkflowNodeRecord node, WorkflowApprovalRecord? approval, string kind) => new()
    {
        Id = node.NodeId,
        WorkflowJobId = node.WorkflowJobId,
        Identifier = node.Identifier,
        Name = node.Name,
        Kind = kind,
        State = node.State,
        JobId = node.JobId,
        StartedAt = ApiTime.Utc(node.StartedAt),
        FinishedAt = ApiTime.Utc(node.FinishedAt),
        ElapsedSeconds = node.ElapsedSeconds,
        Artifacts = node.Artifacts is null ? null : JsonDocument.Parse(node.Artifacts).RootElement.Clone(),
        Approval = approval is null ? null : WorkflowApprovalResource.From(approval),
    };
}
