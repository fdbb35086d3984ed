using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Launch;

/// <summary>AWX's messages name the Python type a JSON value arrives as.</summary>
internal static class PythonTypeNames
{
    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "NoneType",
    };
}
