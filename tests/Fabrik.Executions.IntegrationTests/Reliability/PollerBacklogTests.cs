using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Reliability;

public sealed class PollerBacklogTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Test]
    public async Task A_job_that_ended_before_any_poller_looked_is_copied_whole_however_many_cycles_its_backlog_takes()
    {
        var onePagePerCycle = new Dictionary<string, string?> { ["Poller:MaxPagesPerCycle"] = "1" };
        await using var pipeline = await Pipeline.StartAsync(pollers: 0, settings: onePagePerCycle);
        using var gateway = pipeline.CreateGatewayClient();
        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = 900, ["emulator_events_per_second"] = 0 });
        var awxJobId = await AwxJobIdAsync(gateway, executionId);
        using var awx = pipeline.Awx.CreateClient();
        await Eventually.TrueAsync(
            async () => (await awx.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{awxJobId}/")).GetProperty("event_processing_finished").GetBoolean(),
            "the AWX job to end with every event saved",
            Deadline);

        await pipeline.StartPollerAsync();

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);
        var stored = await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId);
        Assert.That(stored, Is.EqualTo(new StoredEvents(900, 900, 1, 900)), $"execution: {execution}");
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
    }

    private static async Task<long> AwxJobIdAsync(HttpClient gateway, Guid executionId)
    {
        var jobId = 0L;
        await Eventually.TrueAsync(
            async () => (await gateway.GetExecutionAsync(executionId)).GetProperty("awx_job_id") is { ValueKind: JsonValueKind.Number } id && (jobId = id.GetInt64()) > 0,
            "the launch to reach AWX",
            Deadline);
        return jobId;
    }
}
