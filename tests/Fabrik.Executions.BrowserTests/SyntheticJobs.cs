using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The AWX emulator's synthetic job launched through the Gateway's API, as the portal launches it.</summary>
internal static class SyntheticJobs
{
    public static async Task<Guid> LaunchAsync(HttpClient gateway, JsonObject extraVars)
    {
        using var response = await gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "job", ["id"] = 1, ["name"] = "Synthetic" },
            ["extra_vars"] = extraVars,
            ["credentials"] = new JsonArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient gateway, Guid executionId)
    {
        using var response = await gateway.GetAsync($"/api/v1/executions/{executionId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>Waits until the job ended and its per-host results are parsed.</summary>
    public static async Task<JsonElement> WaitForResultsAsync(HttpClient gateway, Guid executionId, TimeSpan deadline)
    {
        var execution = default(JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                execution = await GetAsync(gateway, executionId);
                return execution.GetProperty("row_results").ValueKind != JsonValueKind.Null;
            },
            $"execution {executionId} to end with parsed results",
            deadline);
        return execution;
    }
}
