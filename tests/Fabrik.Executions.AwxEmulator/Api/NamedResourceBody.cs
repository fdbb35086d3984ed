using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>What every AWX create body checks first: a JSON object with a name (required) and a description.</summary>
internal static class NamedResourceBody
{
    /// <summary>The name and description, or null when the body is not an object; a missing name is added to <paramref name="errors"/>.</summary>
    public static (string Name, string Description)? Read(JsonElement body, FieldErrors errors)
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
        return (name, description);
    }
}
