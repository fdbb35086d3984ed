using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>
/// A node of a workflow job template (<c>/workflow_job_templates/{id}/workflow_nodes/</c>) or of a workflow job
/// (<c>/workflow_jobs/{id}/workflow_nodes/</c>, where <see cref="Job"/> and <see cref="DoNotRun"/> are set).
/// </summary>
public sealed record AwxWorkflowNode
{
    public long Id { get; init; }
    public string? Identifier { get; init; }
    public int? UnifiedJobTemplate { get; init; }
    public long? Job { get; init; }
    public bool DoNotRun { get; init; }
    public bool AllParentsMustConverge { get; init; }
    public IReadOnlyList<long> SuccessNodes { get; init; } = [];
    public IReadOnlyList<long> FailureNodes { get; init; } = [];
    public IReadOnlyList<long> AlwaysNodes { get; init; } = [];
    public JsonElement SummaryFields { get; init; }

    /// <summary>What the node runs: <c>job</c>, <c>workflow_job</c>, <c>workflow_approval</c>, <c>project_update</c>, ...</summary>
    public string? UnifiedJobType => Summary("unified_job_template", "unified_job_type");

    public string? TemplateName => Summary("unified_job_template", "name");

    /// <summary>The status of the job the node spawned, as the node's summary tells it; null before it spawned one.</summary>
    public string? JobStatus => Summary("job", "status");

    /// <summary>The type of the job the node spawned: <c>job</c>, <c>workflow_job</c> or <c>workflow_approval</c>.</summary>
    public string? JobType => Summary("job", "type");

    private string? Summary(string objectName, string field) =>
        SummaryFields.ValueKind == JsonValueKind.Object
        && SummaryFields.TryGetProperty(objectName, out var summary) && summary.ValueKind == JsonValueKind.Object
        && summary.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
