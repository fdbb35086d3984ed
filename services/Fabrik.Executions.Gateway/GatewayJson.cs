using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.Gateway;

/// <summary>
/// The one naming the HTTP API and the hub share: snake_case, the words AWX and the rest of the frame use
/// (<c>request_id</c>, <c>extra_vars</c>), so a browser reads the same field names from both.
/// </summary>
public static class GatewayJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // A number sent as a string ("7") is a client bug worth reporting, not guessing around.
        options.NumberHandling = JsonNumberHandling.Strict;
        // {"request_id": "a", "request_id": "b"} is ambiguous, whichever one a reader keeps.
        options.AllowDuplicateProperties = false;
    }
}
