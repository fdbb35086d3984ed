using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>Reads typed knobs from extra vars; numbers and booleans may also arrive as strings, as surveys send them.</summary>
internal sealed class ExtraVarReader(JsonElement extraVars, FieldErrors errors, string field)
{
    public int Integer(string name, int fallback, int min, int max)
    {
        if (!TryGetScalar(name, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            errors.Add(field, $"{name} must be a whole number from {min} to {max}.");
            return fallback;
        }
        return parsed;
    }

    public double Number(string name, double fallback, double min, double max)
    {
        if (!TryGetScalar(name, out var text))
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !(parsed >= min && parsed <= max))
        {
            errors.Add(field, $"{name} must be a number from {min} to {max}.");
            return fallback;
        }
        return parsed;
    }

    public bool Boolean(string name, bool fallback)
    {
        if (!TryGetScalar(name, out var text))
        {
            return fallback;
        }
        if (!bool.TryParse(text, out var parsed))
        {
            errors.Add(field, $"{name} must be true or false.");
            return fallback;
        }
        return parsed;
    }

    /// <summary>The knob's text, or null when it is absent; anything but a non-empty string is an error.</summary>
    public string? Text(string name)
    {
        if (!extraVars.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(field, $"{name} must be a non-empty string.");
            return null;
        }
        return value.GetString();
    }

    /// <summary>False when the knob is absent or null; otherwise its text, or null when it is not a scalar.</summary>
    private bool TryGetScalar(string name, out string? text)
    {
        text = null;
        if (!extraVars.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return true;
    }
}
