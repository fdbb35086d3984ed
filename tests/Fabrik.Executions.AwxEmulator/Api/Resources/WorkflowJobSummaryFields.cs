using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowJobSummaryFields(
    ObjectSummary Organization,
    ObjectSummary WorkflowJobTemplate,
    UnifiedJobTemplateSummary UnifiedJobTemplate,
    UserSummary CreatedBy,
    JobUserCapabilities UserCapabilities,
    LabelsSummary Labels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceWorkflowJobSummary? SourceWorkflowJob);
