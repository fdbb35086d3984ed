using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests;

public sealed class StreamingPipelineTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private Pipeline pipeline = null!;
    private HttpClient gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // Long enough in pending and waiting that a client subscribes before the first event exists.
        pipeline = await Pipeline.StartAsync(new AwxEmulatorOptions { PendingDelayMs = 1_000, WaitingDelayMs = 1_000 });
        gateway = pipeline.CreateGatewayClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        gateway.Dispose();
        await pipeline.DisposeAsync();
    }

    [TearDown]
    public void ClearFaults() => pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task Ten_thousand_events_seen_out_of_order_are_stored_once_and_reach_every_subscriber()
    {
        pipeline.Awx.Faults = new FaultSettings { OutOfOrderWindowMs = 400, LateVisibilityProbability = 0.01, LateVisibilityDelayMs = 1_500 };
        await using var early = await OutputWatcher.ConnectAsync(pipeline);
        await early.SubscribeToMonitorAsync();

        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 10_000, ["emulator_hosts"] = 20, ["emulator_events_per_second"] = 1_000,
        });
        await early.SubscribeToOutputAsync(executionId, afterCounter: 0);
        Assert.That((await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId)).Rows, Is.Zero,
            "the first subscriber joined before the first event was stored");

        await Eventually.TrueAsync(() => Task.FromResult(early.Counters.Count >= 2_000), "the first subscriber to see 2,000 events", Deadline);
        await using var midRun = await OutputWatcher.ConnectAsync(pipeline);
        await midRun.SubscribeToOutputAsync(executionId, afterCounter: 0);
        Assert.That((await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId)).Rows, Is.LessThan(10_000),
            "the second subscriber joined while the job was running");

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);
        var everyCounter = Enumerable.Range(1, 10_000).Select(i => (long)i).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(early.Counters.Count == 10_000 && midRun.Counters.Count == 10_000), "both subscribers to hold every event", Deadline);

        Assert.That(await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(10_000, 10_000, 1, 10_000)));
        foreach (var (name, watcher) in new[] { ("first", early), ("mid-run", midRun) })
        {
            Assert.That(watcher.JobEventCalls, Has.All.Ordered,
                $"the {name} subscriber renders by counter: each JobEvents call it receives is in counter order");
            Assert.That(watcher.Counters.Order(), Is.EqualTo(everyCounter),
                $"the {name} subscriber drops duplicates and then holds every counter exactly once");
        }

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
        await Eventually.TrueAsync(() => Task.FromResult(early.StatusSequenceOf(executionId).Contains("successful")), "the final status on the monitor", Deadline);
        Assert.That(early.StatusSequenceOf(executionId), Is.EqualTo(new[] { "pending", "waiting", "running", "successful" }),
            "every change arrives once, in order, the first from pending");
        await Eventually.TrueAsync(() => Task.FromResult(early.ProgressOf(executionId).Contains(100)), "the subscriber to be told progress 100", Deadline);
        Assert.That(early.ProgressOf(executionId), Is.Ordered.Ascending, "the progress pushed to the subscriber only moves forward");
        Assert.That(HostRow.From(execution.GetProperty("row_results")),
            Is.EquivalentTo(HostRow.From(pipeline.Awx.GetExpectedHostOutcomes(AwxJobId(execution)))));
    }

    [Test]
    public async Task Failed_and_unreachable_hosts_end_failed_with_their_outcomes_per_host()
    {
        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 300, ["emulator_hosts"] = 6, ["emulator_failed_hosts"] = 2, ["emulator_unreachable_hosts"] = 1,
            ["emulator_events_per_second"] = 0,
        });

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(execution.GetProperty("partial_success").GetBoolean(), Is.False);
        var rows = HostRow.From(execution.GetProperty("row_results")).ToList();
        Assert.That(rows, Is.EquivalentTo(HostRow.From(pipeline.Awx.GetExpectedHostOutcomes(AwxJobId(execution)))));
        Assert.That(rows.Count(row => row.Status == "failed"), Is.EqualTo(2));
        Assert.That(rows.Count(row => row.Status == "unreachable"), Is.EqualTo(1));
    }

    [Test]
    public async Task Successful_with_failed_hosts_is_flagged_as_a_partial_success()
    {
        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 200, ["emulator_hosts"] = 4, ["emulator_failed_hosts"] = 1, ["emulator_tolerate_failures"] = true,
            ["emulator_events_per_second"] = 0,
        });

        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("partial_success").GetBoolean(), Is.True);
        Assert.That(HostRow.From(execution.GetProperty("row_results")).Count(row => row.Status == "failed"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_subscriber_joining_after_the_end_gets_the_whole_history_and_the_final_status()
    {
        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 1_234, ["emulator_hosts"] = 5, ["emulator_events_per_second"] = 0,
        });
        await gateway.WaitForResultsAsync(executionId, Deadline);

        await using var late = await OutputWatcher.ConnectAsync(pipeline);
        await late.SubscribeToOutputAsync(executionId, afterCounter: 0);

        await Eventually.TrueAsync(() => Task.FromResult(late.Counters.Count == 1_234 && late.Snapshot is not null), "the replayed history and snapshot", Deadline);
        Assert.That(late.Counters.Order(), Is.EqualTo(Enumerable.Range(1, 1_234).Select(i => (long)i)));
        Assert.That(late.Snapshot!.Value.GetProperty("status").GetString(), Is.EqualTo("successful"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Events_stored_from_the_real_ansible_runner_equal_what_it_wrote_field_by_field(bool failing)
    {
        RunnerComparison.RequireRunner(pipeline.Awx);

        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_fail"] = failing }, templateId: 2);
        var execution = await gateway.WaitForResultsAsync(executionId, Deadline);

        var written = RunnerComparison.ReadWritten(pipeline.Awx, AwxJobId(execution));
        var stored = await RunnerComparison.ReadStoredAsync(pipeline, executionId);
        Assert.That(written, Is.Not.Empty);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo(failing ? "failed" : "successful"));
        Assert.That((stored.Any(row => row.Failed), stored.Any(row => row.Changed)), Is.EqualTo((failing, true)),
            "the flags compared are set on some events, not false everywhere");
        RunnerComparison.AssertSame(written, stored);
    }

    private static int AwxJobId(JsonElement execution) => execution.GetProperty("awx_job_id").GetInt32();
}
