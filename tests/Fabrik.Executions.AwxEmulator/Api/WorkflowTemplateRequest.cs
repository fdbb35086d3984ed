using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The body that creates a workflow job template: name (required), description, extra_vars.</summary>
internal sealed record WorkflowTemplateRequest(string Name, string Description, JsonElement ExtraVars)
{
    public static WorkflowTemplateRequest? Parse(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("non_field_errors", $"Invalid data. Expected a dictionary, but got {PythonTypeNames.Of(body)}.");
            return null;
        }
        var name = LaunchRequestParser.Field(body, "name") is { ValueKind: JsonValueKind.String } nameValue ? nameValue.GetString()!.Trim() : "";
        if (name.Length == 0)
        {
            errors.Add("name", "This field is required.");
        }
        var description = LaunchRequestParser.Field(body, "description") is { ValueKind: JsonValueKind.String } descriptionValue ? descriptionValue.GetString()! : "";
        var extraVars = ExtraVarsParser.Parse(LaunchRequestParser.Field(body, "extra_vars"), errors);
        return errors.IsEmpty ? new WorkflowTemplateRequest(name, description, extraVars) : null;
    }
}
