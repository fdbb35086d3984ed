using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>The public HTTP calls the tests make, as a script or portal would.</summary>
internal static class GatewayCalls
{
    public static async Task<Guid> LaunchSyntheticAsync(this HttpClient gateway, JsonObject extraVars, string? requestId = null, int templateId = 1)
    {
        using var response = await gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = requestId ?? Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "job", ["id"] = templateId, ["name"] = templateId == 1 ? "Synthetic" : "Runner: localhost" },
            ["extra_vars"] = extraVars,
            ["credentials"] = new JsonArray(),
            ["launched_by"] = "integration-tests",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetExecutionAsync(this HttpClient gateway, Guid executionId)
    {
        using var response = await gateway.GetAsync($"/api/v1/executions/{executionId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>Waits until the execution is terminal and its per-host results are parsed; at the deadline, fails showing it as last seen.</summary>
    public static async Task<JsonElement> WaitForResultsAsync(this HttpClient gateway, Guid executionId, TimeSpan deadline)
    {
        var execution = default(JsonElement);
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    execution = await gateway.GetExecutionAsync(executionId);
                    return execution.GetProperty("row_results").ValueKind != JsonValueKind.Null;
                },
                $"execution {executionId} to finish with parsed results",
                deadline);
        }
        catch (TimeoutException timeout)
        {
            Assert.Fail($"{timeout.Message} Last seen: {execution}");
        }

        return execution;
    }
}
