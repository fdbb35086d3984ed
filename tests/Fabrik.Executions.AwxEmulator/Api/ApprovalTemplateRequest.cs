using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The body of create_approval_template: name (required), description, timeout in seconds (0 = never).</summary>
internal sealed record ApprovalTemplateRequest(string Name, string Description, int Timeout)
{
    public static ApprovalTemplateRequest? Parse(JsonElement body, FieldErrors errors)
    {
        if (NamedResourceBody.Read(body, errors) is not { } named)
        {
            return null;
        }

        var (name, description) = named;
        var timeout = 0;
        if (LaunchRequestParser.Field(body, "timeout") is { } timeoutValue && (timeoutValue.ValueKind != JsonValueKind.Number || !timeoutValue.TryGetInt32(out timeout) || timeout < 0))
        {
            errors.Add("timeout", "A valid integer is required.");
        }
        return errors.IsEmpty ? new ApprovalTemplateRequest(name, description, timeout) : null;
    }
}
