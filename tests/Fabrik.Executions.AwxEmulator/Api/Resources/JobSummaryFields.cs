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
    IReadOnlyList<CredentialSummary> Credentials);
