using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>An approval a workflow waits on (<c>/api/v2/workflow_approvals/{id}/</c>).</summary>
public sealed record AwxWorkflowApproval
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string Status { get; init; } = "";
    public bool TimedOut { get; init; }
    public DateTimeOffset? ApprovalExpiration { get; init; }
    public DateTimeOffset? Started { get; init; }
    public DateTimeOffset? Finished { get; init; }
    public double? Elapsed { get; init; }
    public JsonElement SummaryFields { get; init; }

    /// <summary>Seconds AWX waits for a decision before it times the approval out; 0 waits for ever.</summary>
    public int TimeoutSeconds =>
        SummaryFields.ValueKind == JsonValueKind.Object
        && SummaryFields.TryGetProperty("workflow_approval_template", out var template) && template.ValueKind == JsonValueKind.Object
        && template.TryGetProperty("timeout", out var timeout) && timeout.TryGetInt32(out var seconds) && seconds > 0
            ? seconds
            : 0;
}
