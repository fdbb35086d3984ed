using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Launch;

/// <summary>Reads a launch body as AWX's JobLaunchSerializer does, with DRF's error messages.</summary>
internal static class LaunchRequestParser
{
    // Launch fields the emulator's templates do not prompt for: AWX accepts the launch and lists them in ignored_fields.
    private static readonly string[] UnpromptedFields =
    [
        "scm_branch", "diff_mode", "job_tags", "skip_tags", "job_type", "verbosity",
        "execution_environment", "labels", "forks", "job_slice_count", "timeout", "instance_groups",
    ];

    public static LaunchRequest? Parse(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("non_field_errors", $"Invalid data. Expected a dictionary, but got {PythonTypeNames.Of(body)}.");
            return null;
        }
        var extraVars = ExtraVarsParser.Parse(Field(body, "extra_vars"), errors);
        var limit = LimitOf(Field(body, "limit"), errors);
        var inventory = Field(body, "inventory") is { } inventoryValue ? PrimaryKeyOf("inventory", inventoryValue, errors) : null;
        var credentials = CredentialsOf(Field(body, "credentials"), errors);
        if (!errors.IsEmpty)
        {
            return null;
        }
        return new LaunchRequest
        {
            ExtraVars = extraVars,
            Limit = limit,
            InventoryId = inventory,
            CredentialIds = credentials,
            IgnoredFields = UnpromptedFields
                .Where(field => Field(body, field) is not null)
                .ToDictionary(field => field, field => Field(body, field)!.Value.Clone()),
        };
    }

    /// <summary>The named field; null when absent or JSON null.</summary>
    public static JsonElement? Field(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string LimitOf(JsonElement? value, FieldErrors errors)
    {
        if (value is null)
        {
            return "";
        }
        if (value.Value.ValueKind != JsonValueKind.String)
        {
            errors.Add("limit", "Not a valid string.");
            return "";
        }
        return value.Value.GetString()!;
    }

    private static List<int> CredentialsOf(JsonElement? value, FieldErrors errors)
    {
        if (value is null)
        {
            return [];
        }
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("credentials", $"Expected a list of items but got type \"{PythonTypeNames.Of(value.Value)}\".");
            return [];
        }
        return value.Value.EnumerateArray()
            .Select(item => PrimaryKeyOf("credentials", item, errors))
            .OfType<int>()
            .ToList();
    }

    /// <summary>DRF's PrimaryKeyRelatedField: a positive integer, as a number or a string.</summary>
    public static int? PrimaryKeyOf(string field, JsonElement value, FieldErrors errors)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => null,
        };
        if (text is null || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            errors.Add(field, $"Incorrect type. Expected pk value, received {PythonTypeNames.Of(value)}.");
            return null;
        }
        if (id is < 1 or > int.MaxValue)
        {
            errors.Add(field, $"Invalid pk \"{text}\" - object does not exist.");
            return null;
        }
        return (int)id;
    }
}
