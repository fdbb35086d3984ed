using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The body that creates a workflow job template: name (required), description, extra_vars.</summary>
internal sealed record WorkflowTemplateRequest(string Name, string Description, JsonElement ExtraVars)
{
    public static WorkflowTemplateRequest? Parse(JsonElement body, FieldErrors errors)
    {
        if (NamedResourceBody.Read(body, errors) is not { } named)
        {
            return null;
        }

        var (name, description) = named;
        var extraVars = ExtraVarsParser.Parse(LaunchRequestParser.Field(body, "extra_vars"), errors);
        return errors.IsEmpty ? new WorkflowTemplateRequest(name, description, extraVars) : null;
    }
}
