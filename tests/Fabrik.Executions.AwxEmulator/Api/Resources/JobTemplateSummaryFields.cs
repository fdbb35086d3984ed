using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobTemplateSummaryFields
{
    public required ObjectSummary Organization { get; init; }

    public required InventorySummary Inventory { get; init; }

    public required ExecutionEnvironmentSummary ExecutionEnvironment { get; init; }

    public required ProjectSummary Project { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LastJobSummary? LastJob { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LastUpdateSummary? LastUpdate { get; init; }

    public required UserSummary CreatedBy { get; init; }

    public required UserSummary ModifiedBy { get; init; }

    public required ObjectRolesSummary ObjectRoles { get; init; }

    public required TemplateUserCapabilities UserCapabilities { get; init; }

    public required LabelsSummary Labels { get; init; }

    public required IReadOnlyList<RecentJobSummary> RecentJobs { get; init; }

    public required IReadOnlyList<CredentialSummary> Credentials { get; init; }

    public required ExecutionEnvironmentSummary ResolvedEnvironment { get; init; }
}
