using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowApprovalSummaryFields
{
    public required ObjectSummary WorkflowJobTemplate { get; init; }

    public required ObjectSummary WorkflowJob { get; init; }

    public required ApprovalTemplateSummary WorkflowApprovalTemplate { get; init; }

    public required UnifiedJobTemplateSummary UnifiedJobTemplate { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UserSummary? ApprovedOrDeniedBy { get; init; }

    public required UserSummary CreatedBy { get; init; }

    public required JobUserCapabilities UserCapabilities { get; init; }

    public required SourceWorkflowJobSummary SourceWorkflowJob { get; init; }
}
