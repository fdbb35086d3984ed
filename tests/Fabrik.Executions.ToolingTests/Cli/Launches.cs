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
