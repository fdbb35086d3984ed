using System.Globalization;
using System.Text.Json;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Checks text from outside (HTTP bodies, bus commands) before it is stored. PostgreSQL's text and jsonb cannot hold
/// NUL, so a NUL would fail the write instead of being refused; other control characters have no place in names and
/// comments people read back. A multi-line text (a comment) keeps tab, CR and LF.
/// </summary>
public static class StorableText
{
    /// <summary>What is wrong with <paramref name="value"/> as the field <paramref name="field"/>; null when nothing is.</summary>
    public static string? FindControlCharacter(string field, string value, bool multiLine)
    {
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (char.IsControl(character) && !(multiLine && character is '\t' or '\r' or '\n'))
            {
                var allowed = multiLine ? " other than tab, CR and LF" : "";
                return $"{field} must not hold control characters{allowed}; it holds U+{((int)character).ToString("X4", CultureInfo.InvariantCulture)} at position {index}.";
            }
        }

        return null;
    }

    /// <summary>Whether every string in <paramref name="element"/>, names included, is one jsonb can store: no NUL, no lone surrogate.</summary>
    public static bool IsStorableJson(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => IsStorable(element.GetString()!),
                JsonValueKind.Object => element.EnumerateObject().All(property => IsStorable(property.Name) && IsStorableJson(property.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(IsStorableJson),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate cannot even be read as a string.
            return false;
        }
    }

    private static bool IsStorable(string text) => !text.Contains('\0', StringComparison.Ordinal);
}
