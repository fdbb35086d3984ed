using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobSummaryFields(
    ObjectSummary Organization,
    InventorySummary Inventory,
    ExecutionEnvironmentSummary ExecutionEnvironment,
    ProjectSummary Project,
    ObjectSummary JobTemplate,
    UnifiedJobTemplateSummary UnifiedJobTemplate,
    InstanceGroupSummary InstanceGroup,
    UserSummary CreatedBy,
    JobUserCapabilities UserCapabilities,
    LabelsSummary Labels,
    IReadOnlyList<CredentialSummary> Credentials)
{
    /// <summary>Only on a job a workflow spawned, as in AWX.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SourceWorkflowJobSummary? SourceWorkflowJob { get; init; }
}
