using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowTemplateSummaryFields
{
    public required ObjectSummary Organization { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LastJobSummary? LastJob { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LastUpdateSummary? LastUpdate { get; init; }

    public required UserSummary CreatedBy { get; init; }

    public required UserSummary ModifiedBy { get; init; }

    public required WorkflowObjectRolesSummary ObjectRoles { get; init; }

    public required TemplateUserCapabilities UserCapabilities { get; init; }

    public required LabelsSummary Labels { get; init; }

    public required IReadOnlyList<RecentJobSummary> RecentJobs { get; init; }
}
