using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>
/// Reads a workflow node's POST or PATCH body as AWX's WorkflowJobTemplateNodeSerializer does: fields left out keep
/// their value, unknown fields are ignored.
/// </summary>
internal static class WorkflowNodeRequestParser
{
    public static WorkflowNodeSettings? Parse(JsonElement body, WorkflowNodeSettings? current, WorkflowTemplateStore store, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("non_field_errors", $"Invalid data. Expected a dictionary, but got {PythonTypeNames.Of(body)}.");
            return null;
        }
        var settings = current ?? new WorkflowNodeSettings { Identifier = Guid.NewGuid().ToString(), ExtraData = EmptyJsonObject.Value };
        if (body.TryGetProperty("unified_job_template", out var template))
        {
            settings = settings with { UnifiedJobTemplateId = TemplateOf(template, store, errors) };
        }
        if (body.TryGetProperty("extra_data", out var extraData))
        {
            settings = settings with { ExtraData = ExtraVarsParser.Parse(extraData.ValueKind == JsonValueKind.Null ? null : extraData, errors, "extra_data") };
        }
        if (body.TryGetProperty("limit", out var limit))
        {
            settings = settings with { Limit = StringOf("limit", limit, errors) };
        }
        if (body.TryGetProperty("identifier", out var identifier))
        {
            settings = settings with { Identifier = StringOf("identifier", identifier, errors) ?? settings.Identifier };
        }
        if (body.TryGetProperty("all_parents_must_converge", out var converge))
        {
            settings = settings with { AllParentsMustConverge = BooleanOf(converge, errors) };
        }
        return errors.IsEmpty ? settings : null;
    }

    private static int? TemplateOf(JsonElement value, WorkflowTemplateStore store, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var id = LaunchRequestParser.PrimaryKeyOf("unified_job_template", value, errors);
        if (id is { } existing && store.Describe(existing) is null)
        {
            errors.Add("unified_job_template", string.Create(CultureInfo.InvariantCulture, $"Invalid pk \"{existing}\" - object does not exist."));
            return null;
        }
        return id;
    }

    private static string? StringOf(string field, JsonElement value, FieldErrors errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            default:
                errors.Add(field, "Not a valid string.");
                return null;
        }
    }

    private static bool BooleanOf(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        errors.Add("all_parents_must_converge", "Must be a valid boolean.");
        return false;
    }
}
