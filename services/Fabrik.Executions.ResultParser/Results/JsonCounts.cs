using System.Text.Json;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>Reads the task counts playbooks and AWX write, refusing anything that is not a whole number from zero up.</summary>
internal static class JsonCounts
{
    public static int Read(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw new InvalidDataException($"{where} must be a whole number from 0 up, not {Abbreviate(value)}.");

    public static int ReadOptional(JsonElement parent, string name, string where) =>
        parent.TryGetProperty(name, out var value) ? Read(value, $"{where}.{name}") : 0;

    public static string Abbreviate(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
