using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ToolingTests.Cli;

/// <summary>Executions of the emulator's synthetic template, launched and read through the public API.</summary>
internal static class Launches
{
    public static async Task<Guid> SyntheticAsync(Pipeline pipeline, int events, int eventsPerSecond, int failedHosts = 0)
    {
        using var gateway = pipeline.CreateGatewayClient();
        return await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = events, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = eventsPerSecond,
            ["emulator_failed_hosts"] = failedHosts,
        });
    }

    /// <summary>The emulator's built-in workflow 12, which waits at an approval before its last node.</summary>
    public static async Task<Guid> ApprovalWorkflowAsync(Pipeline pipeline)
    {
        using var gateway = pipeline.CreateGatewayClient();
        using var response = await gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "workflow", ["id"] = 12, ["name"] = "Workflow: approval" },
            ["extra_vars"] = new JsonObject(),
            ["credentials"] = new JsonArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Waits until the workflow shows a pending approval, and answers its id as the command line takes it.</summary>
    public static async Task<string> WaitForPendingApprovalAsync(Pipeline pipeline, Guid executionId)
    {
        using var gateway = pipeline.CreateGatewayClient();
        return await Eventually.GetAsync(
            async () =>
            {
                var workflow = await gateway.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/workflow");
                return workflow.GetProperty("data").GetProperty("nodes").EnumerateArray()
                    .Select(node => node.GetProperty("approval"))
                    .Where(approval => approval.ValueKind == JsonValueKind.Object && approval.GetProperty("status").GetString() == "pending")
                    .Select(approval => approval.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture))
                    .FirstOrDefault();
            },
            $"execution {executionId} to wait for an approval",
            CliRun.Deadline);
    }

    public static async Task<JsonElement> GetAsync(Pipeline pipeline, Guid executionId)
    {
        using var gateway = pipeline.CreateGatewayClient();
        return await gateway.GetExecutionAsync(executionId);
    }

    public static async Task<JsonElement> WaitForResultsAsync(Pipeline pipeline, Guid executionId)
    {
        using var gateway = pipeline.CreateGatewayClient();
        return await gateway.WaitForResultsAsync(executionId, CliRun.Deadline);
    }

    public static async Task WaitForStatusAsync(Pipeline pipeline, Guid executionId, string status) =>
        await Eventually.TrueAsync(
            async () => (await GetAsync(pipeline, executionId)).GetProperty("status").GetString() == status,
            $"execution {executionId} to be {status}",
            CliRun.Deadline);
}
