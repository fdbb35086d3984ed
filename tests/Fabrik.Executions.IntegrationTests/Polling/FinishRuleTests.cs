using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>
/// An execution finishes only when its job is terminal, AWX has finished processing the job's events and every counter
/// is stored; complete only when all three held, not merely when no counter is missing.
/// </summary>
public sealed class FinishRuleTests
{
    private const int Events = 60;
    private static readonly HashSet<string> TerminalStatuses = ["successful", "failed", "error", "canceled"];
    private PollingSession session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => session = await SharedPollingPipeline.SessionAsync();

    [TearDown]
    public void ClearFaults() => session.Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task A_job_AWX_still_processes_keeps_its_execution_open_until_AWX_is_done_then_it_finishes_complete()
    {
        session.Pipeline.Awx.Faults = new FaultSettings { EventProcessingFinishedDelayMs = 4_000 };
        var executionId = await LaunchAsync();
        var jobId = await session.AwxJobIdAsync(executionId);

        // Sampled through the whole time AWX says "ended, events still being processed": the execution between two such reads.
        var whileProcessing = new List<JsonElement>();
        await Eventually.TrueAsync(
            async () =>
            {
                var before = await session.AwxJobAsync(jobId);
                if (!Ended(before) || Processed(before))
                {
                    return Processed(before);
                }

                var execution = await session.Gateway.GetExecutionAsync(executionId);
                var after = await session.AwxJobAsync(jobId);
                if (!Processed(after))
                {
                    whileProcessing.Add(execution);
                }

                return Processed(after);
            },
            "AWX to end the job and then finish processing its events",
            PollingSession.Deadline);

        Assert.That(whileProcessing, Is.Not.Empty, "the execution was looked at while AWX processed the events");
        Assert.That(whileProcessing.Select(execution => execution.GetProperty("status").GetString()), Has.None.AnyOf(TerminalStatuses.ToArray()),
            "the execution does not finish while AWX has not finished processing the job's events");
        Assert.That(whileProcessing.Select(execution => execution.GetProperty("complete").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        await AssertFinishedAsync(executionId, complete: true, missing: [], storedRows: Events);
    }

    [Test]
    public async Task A_counter_AWX_never_shows_leaves_the_execution_incomplete_with_that_counter_missing()
    {
        const int never = 17;
        session.Pipeline.Awx.Faults = new FaultSettings { NeverVisibleCounters = [never] };
        var executionId = await LaunchAsync();

        await AssertFinishedAsync(executionId, complete: false, missing: [never], storedRows: Events - 1);
    }

    [Test]
    public async Task AWX_never_confirming_it_processed_the_events_leaves_the_execution_incomplete_though_no_counter_is_missing()
    {
        session.Pipeline.Awx.Faults = new FaultSettings { EventProcessingNeverFinishes = true };
        var executionId = await LaunchAsync();

        await AssertFinishedAsync(executionId, complete: false, missing: [], storedRows: Events);
    }

    private Task<Guid> LaunchAsync() =>
        session.Gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = Events, ["emulator_hosts"] = 2, ["emulator_events_per_second"] = 0,
        });

    private async Task AssertFinishedAsync(Guid executionId, bool complete, long[] missing, long storedRows)
    {
        var execution = await session.Gateway.WaitForResultsAsync(executionId, PollingSession.Deadline);
        var finished = await session.FinishedMessageAsync(executionId);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.EqualTo(complete), "stored on the execution");
        Assert.That(execution.GetProperty("missing_counters").EnumerateArray().Select(counter => counter.GetInt64()), Is.EqualTo(missing));
        Assert.That(finished.Complete, Is.EqualTo(complete), "announced in ExecutionFinished");
        Assert.That(finished.MissingCounters, Is.EqualTo(missing));
        Assert.That(finished.FinalCounter, Is.EqualTo(Events));
        Assert.That(await StoredEvents.ReadAsync(session.Pipeline.Infrastructure, executionId), Is.EqualTo(new StoredEvents(storedRows, storedRows, 1, Events)));
    }

    private static bool Ended(JsonElement job) => TerminalStatuses.Contains(job.GetProperty("status").GetString()!);

    private static bool Processed(JsonElement job) => job.GetProperty("event_processing_finished").GetBoolean();
}
