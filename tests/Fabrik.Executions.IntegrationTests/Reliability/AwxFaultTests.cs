using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests.Reliability;

/// <summary>Each fault an AWX (or what stands in front of it) can throw at a poller mid-stream, one at a time.</summary>
public sealed class AwxFaultTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private Pipeline pipeline = null!;
    private HttpClient gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        pipeline = await Pipeline.StartAsync();
        gateway = pipeline.CreateGatewayClient();
    }

    [TearDown]
    public void ClearFaults() => pipeline.Awx.Faults = new FaultSettings();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        gateway.Dispose();
        await pipeline.DisposeAsync();
    }

    [Test]
    public async Task Server_error_bursts_and_latency_spikes_delay_the_copy_but_lose_nothing()
    {
        var executionId = await LaunchAsync(events: 600, eventsPerSecond: 150);
        // Launching is a POST, never retried: the faults strike once the job runs.
        await WaitForRowsAsync(executionId, 1);
        pipeline.Awx.Faults = new FaultSettings
        {
            ServerErrorBurst = 8, ServerErrorRate = 0.05, LatencySpikeProbability = 0.1, LatencySpikeMs = 1_500,
        };

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(600, 600, 1, 600)));
    }

    [TestCase(401, "AWX rejected the token (401)")]
    [TestCase(403, "AWX refused: the token lacks permission (403)")]
    public async Task A_refused_token_is_explained_on_the_execution_and_the_explanation_clears_when_AWX_answers(int status, string explanation)
    {
        var executionId = await LaunchAsync(events: 400, eventsPerSecond: 40);
        await WaitForRowsAsync(executionId, 20);

        pipeline.Awx.Faults = new FaultSettings { RefuseTokenStatus = status };
        await Eventually.TrueAsync(
            async () => ExplanationOf(await gateway.GetExecutionAsync(executionId))?.StartsWith(explanation, StringComparison.Ordinal) == true,
            $"the execution to say '{explanation}'",
            Deadline);
        var during = await gateway.GetExecutionAsync(executionId);
        Assert.That(during.GetProperty("status").GetString(), Is.EqualTo("running"), "a refusal says nothing about the job");

        pipeline.Awx.Faults = new FaultSettings();
        await Eventually.TrueAsync(
            async () => ExplanationOf(await gateway.GetExecutionAsync(executionId)) is null,
            "the explanation to clear once AWX answers again",
            Deadline);
        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(ExplanationOf(execution), Is.Null);
        Assert.That(await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(400, 400, 1, 400)));
    }

    [Test]
    public async Task Damaged_events_are_stored_cleaned_or_rejected_and_every_other_event_is_stored()
    {
        const int nul = 5, invalidUtf8 = 6, oversized = 7, noEventType = 8;
        pipeline.Awx.Faults = new FaultSettings
        {
            EventDamage = new EventDamage
            {
                NulStdoutCounters = [nul], InvalidUtf8StdoutCounters = [invalidUtf8], OversizedStdoutCounters = [oversized],
                OversizedStdoutBytes = 4 * 1024 * 1024, MissingEventTypeCounters = [noEventType], MalformedPageRate = 0.1,
            },
        };
        var executionId = await LaunchAsync(events: 120, eventsPerSecond: 60);

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.False, "the event without a type was never stored");
        Assert.That(execution.GetProperty("missing_counters").EnumerateArray().Select(counter => counter.GetInt64()), Is.EqualTo(new[] { (long)noEventType }));
        Assert.That(await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(119, 119, 1, 120)));
        var emitted = pipeline.Awx.GetEmittedEvents(execution.GetProperty("awx_job_id").GetInt32()).ToDictionary(e => (long)e.Counter, e => e.Stdout);
        var stored = await ReadStdoutAsync(executionId, [nul, invalidUtf8, oversized]);
        Assert.That(stored[nul], Is.EqualTo(emitted[nul]), "NUL stripped, the rest kept");
        Assert.That(stored[invalidUtf8], Is.EqualTo(emitted[invalidUtf8] + "\uFFFD(\uFFFD"), "bytes that are not UTF-8 become U+FFFD");
        Assert.That(stored[oversized], Has.Length.EqualTo(4 * 1024 * 1024));
    }

    private Task<Guid> LaunchAsync(int events, int eventsPerSecond) =>
        gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = events, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = eventsPerSecond,
        });

    private Task WaitForRowsAsync(Guid executionId, long rows) =>
        Eventually.TrueAsync(async () => (await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId)).Rows >= rows, "streaming to be under way", Deadline);

    private static string? ExplanationOf(JsonElement execution) =>
        execution.TryGetProperty("status_explanation", out var explanation) && explanation.ValueKind == JsonValueKind.String ? explanation.GetString() : null;

    private async Task<Dictionary<long, string>> ReadStdoutAsync(Guid executionId, long[] counters)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select counter, stdout from job_events where execution_id = @id and counter = any(@counters)", connection);
        command.Parameters.AddWithValue("id", executionId);
        command.Parameters.AddWithValue("counters", counters);
        await using var reader = await command.ExecuteReaderAsync();
        var stdout = new Dictionary<long, string>();
        while (await reader.ReadAsync())
        {
            stdout[reader.GetInt64(0)] = reader.GetString(1);
        }

        return stdout;
    }
}
