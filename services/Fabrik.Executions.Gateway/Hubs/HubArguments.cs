using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// Reads hub method arguments as sent, so that a wrong one fails with a <see cref="HubException"/> naming it and what
/// it must be, rather than SignalR's generic binding error.
/// </summary>
public static class HubArguments
{
    public static Guid ExecutionId(JsonElement value, string name = "executionId") =>
        value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? id
            : throw new HubException($"{name} must be an execution id (a UUID string); it was {Describe(value)}.");

    public static long Counter(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var counter) && counter >= 0
            ? counter
            : throw new HubException($"{name} must be 0 or more, a whole number (the last counter the caller has); it was {Describe(value)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText().Length <= 32 ? value.GetRawText() : "a number out of range",
        JsonValueKind.String => "a string that is not one",
        JsonValueKind.Null or JsonValueKind.Undefined => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => $"an {value.ValueKind.ToString().ToLowerInvariant()}",
    };
}
