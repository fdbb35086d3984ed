using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The body of create_approval_template: name (required), description, timeout in seconds (0 = never).</summary>
internal sealed record ApprovalTemplateRequest(string Name, string Description, int Timeout)
{
    public static ApprovalTemplateRequest? Parse(JsonElement body, FieldErrors errors)
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
        var timeout = 0;
        if (LaunchRequestParser.Field(body, "timeout") is { } timeoutValue && (timeoutValue.ValueKind != JsonValueKind.Number || !timeoutValue.TryGetInt32(out timeout) || timeout < 0))
        {
            errors.Add("timeout", "A valid integer is required.");
        }
        return errors.IsEmpty ? new ApprovalTemplateRequest(name, description, timeout) : null;
    }
}
