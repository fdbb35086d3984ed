using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record WorkflowTemplateNodeSummaryFields(
    ObjectSummary WorkflowJobTemplate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NodeTemplateSummary? UnifiedJobTemplate);
