using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Launch;

/// <summary>
/// AWX accepts extra_vars as an object or as a JSON or YAML string that holds one (awx/main/utils/common.py
/// parse_yaml_or_json). The emulator reads objects and JSON strings; a YAML-only string is refused with a clear message.
/// </summary>
internal static class ExtraVarsParser
{
    public const string Field = "extra_vars";

    /// <summary>Reads extra vars; <paramref name="field"/> names the field in errors (workflow nodes call it extra_data).</summary>
    public static JsonElement Parse(JsonElement? value, FieldErrors errors, string field = Field)
    {
        if (value is null)
        {
            return EmptyJsonObject.Value;
        }
        var element = value.Value;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.Clone();
            case JsonValueKind.String:
                return FromText(element.GetString()!, errors, field);
            default:
                errors.Add(field, NotADictionary(PythonTypeNames.Of(element)));
                return EmptyJsonObject.Value;
        }
    }

    private static JsonElement FromText(string text, FieldErrors errors, string field)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "\"\"")
        {
            return EmptyJsonObject.Value;
        }
        JsonElement parsed;
        try
        {
            using var document = JsonDocument.Parse(text);
            parsed = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            errors.Add(field, $"Cannot parse as JSON (error: {exception.Message}) or YAML (error: the emulator reads JSON only).");
            return EmptyJsonObject.Value;
        }
        if (parsed.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, NotADictionary(PythonTypeNames.Of(parsed)));
            return EmptyJsonObject.Value;
        }
        return parsed;
    }

    private static string NotADictionary(string typeName) =>
        $"Cannot parse as JSON (error: Input type `{typeName}` is not a dictionary) or YAML (error: Input type `{typeName}` is not a dictionary).";
}
