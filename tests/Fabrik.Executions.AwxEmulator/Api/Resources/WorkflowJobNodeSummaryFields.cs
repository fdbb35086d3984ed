using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowJobNodeSummaryFields(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NodeJobSummary? Job,
    ObjectSummary WorkflowJob,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NodeTemplateSummary? UnifiedJobTemplate);
