using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary><c>summary_fields.unified_job_template</c> of a workflow node; approval templates add their timeout.</summary>
internal sealed record NodeTemplateSummary(int Id, string Name, string Description, string UnifiedJobType)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Timeout { get; init; }

    public static NodeTemplateSummary Of(UnifiedTemplateReference template) =>
        new(template.Id, template.Name, template.Description, template.UnifiedJobType);
}
