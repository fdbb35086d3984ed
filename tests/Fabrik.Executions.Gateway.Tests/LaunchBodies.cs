using System.Text;
using System.Text.Json.Nodes;

namespace Fabrik.Executions.Gateway.Tests;

internal static class LaunchBodies
{
    public static JsonObject Valid(string requestId) => new()
    {
        ["request_id"] = requestId,
        ["template"] = new JsonObject { ["kind"] = "job", ["id"] = 7, ["name"] = "Configure fabric" },
        ["extra_vars"] = new JsonObject { ["tenant"] = "blue" },
        ["limit"] = "leaf-*",
        ["inventory"] = 3,
        ["credentials"] = new JsonArray(4, 5),
        ["launched_by"] = "alice",
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, JsonObject body) =>
        http.PostAsync("/api/v1/executions", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
}
