using System.Text.Json.Nodes;
using Fabrik.Executions.StreamPoller.Streaming;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests.Reliability;

public sealed class PollerSharingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Three_pollers_share_the_running_executions_evenly_and_never_poll_one_twice()
    {
        await using var pipeline = await Pipeline.StartAsync(pollers: 3);
        using var gateway = pipeline.CreateGatewayClient();

        var executions = await LaunchSlowJobsAsync(gateway, count: 9);
        await Eventually.TrueAsync(() => Task.FromResult(HeldCounts(pipeline).Sum() == 9), "all nine executions to be held", Deadline);

        Assert.That(HeldCounts(pipeline), Is.EqualTo(new[] { 3, 3, 3 }));
        Assert.That(pipeline.Pollers.SelectMany(Held).Distinct().Count(), Is.EqualTo(9), "no execution is held by two pollers");
        await AssertEveryExecutionCompleteAsync(pipeline, gateway, executions);
    }

    [Test]
    public async Task A_new_poller_takes_its_share_without_a_restart_of_the_others()
    {
        await using var pipeline = await Pipeline.StartAsync(pollers: 1);
        using var gateway = pipeline.CreateGatewayClient();
        var executions = await LaunchSlowJobsAsync(gateway, count: 6);
        await Eventually.TrueAsync(() => Task.FromResult(HeldCounts(pipeline).Sum() == 6), "the first poller to hold all six", Deadline);

        await pipeline.StartPollerAsync();

        await Eventually.TrueAsync(() => Task.FromResult(HeldCounts(pipeline).SequenceEqual([3, 3])), "each poller to hold three", Deadline);
        await AssertEveryExecutionCompleteAsync(pipeline, gateway, executions);
    }

    [Test]
    public async Task A_poller_stopped_gracefully_hands_its_executions_over_at_once()
    {
        await using var pipeline = await Pipeline.StartAsync(pollers: 2);
        using var gateway = pipeline.CreateGatewayClient();
        var executions = await LaunchSlowJobsAsync(gateway, count: 6);
        await Eventually.TrueAsync(() => Task.FromResult(HeldCounts(pipeline).SequenceEqual([3, 3])), "each poller to hold three", Deadline);

        var handedOver = Held(pipeline.Pollers[0]).ToList();
        var stopped = System.Diagnostics.Stopwatch.StartNew();
        await pipeline.StopPollerAsync(pipeline.Pollers[0]);
        Assert.That(await RunningAsync(gateway, handedOver), Is.Not.Empty, "the stopped poller's jobs were still running");
        // A job may end while it is handed over (the machine may be busy): the remaining poller must hold every one still running.
        await Eventually.TrueAsync(
            async () => (await RunningAsync(gateway, executions)).All(Held(pipeline.Pollers.Single()).Contains),
            "the remaining poller to hold every execution still running",
            Deadline);
        await TestContext.Out.WriteLineAsync($"Handover after a graceful stop took {stopped.Elapsed.TotalSeconds:0.0} s");

        await AssertEveryExecutionCompleteAsync(pipeline, gateway, executions);
    }

    [Test]
    public async Task A_stream_whose_execution_has_just_finished_does_not_make_its_poller_hand_another_over()
    {
        await using var pipeline = await Pipeline.StartAsync(pollers: 1);
        using var gateway = pipeline.CreateGatewayClient();
        var executions = await LaunchSlowJobsAsync(gateway, count: 2);
        var poller = pipeline.Pollers.Single();
        await Eventually.TrueAsync(() => Task.FromResult(Held(poller).Count == 2), "the poller to hold both", Deadline);

        // The moment between a stream storing its execution's finish and leaving, held open: the execution is no longer
        // active, so the poller's share is one, while both streams still run. Handing the other over at that moment
        // cancelled it, and a stream cancelled while announcing its own finish never announced it.
        await MarkSuccessfulAsync(pipeline, executions[1]);

        var watching = System.Diagnostics.Stopwatch.StartNew();
        while (watching.Elapsed < TimeSpan.FromSeconds(5))
        {
            Assert.That(Held(poller), Is.EquivalentTo(executions), $"after {watching.Elapsed.TotalSeconds:0.0} s, with a scan every second");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Jobs slow enough (about 30 s each) to be running while pollers come and go.</summary>
    internal static async Task<IReadOnlyList<Guid>> LaunchSlowJobsAsync(HttpClient gateway, int count)
    {
        var executions = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            executions.Add(await gateway.LaunchSyntheticAsync(new JsonObject
            {
                ["emulator_events"] = 600, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = 20,
            }));
        }

        return executions;
    }

    internal static async Task AssertEveryExecutionCompleteAsync(Pipeline pipeline, HttpClient gateway, IReadOnlyList<Guid> executions)
    {
        foreach (var executionId in executions)
        {
            var execution = await gateway.WaitForResultsAsync(executionId, Deadline);
            var stored = await StoredEvents.ReadAsync(pipeline.Infrastructure, executionId);
            var explanation = $"execution {executionId}: {execution}; stored {stored}";
            Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"), explanation);
            Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True, explanation);
            Assert.That(stored, Is.EqualTo(new StoredEvents(600, 600, 1, 600)), explanation);
        }
    }

    private static async Task<IReadOnlyList<Guid>> RunningAsync(HttpClient gateway, IEnumerable<Guid> executions)
    {
        var running = new List<Guid>();
        foreach (var executionId in executions)
        {
            var status = (await gateway.GetExecutionAsync(executionId)).GetProperty("status").GetString();
            if (status is "waiting" or "running")
            {
                running.Add(executionId);
            }
        }

        return running;
    }

    private static async Task MarkSuccessfulAsync(Pipeline pipeline, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("update executions set status = 'successful', finished_at = now() where id = @id", connection);
        update.Parameters.AddWithValue("id", executionId);
        Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    private static int[] HeldCounts(Pipeline pipeline) => pipeline.Pollers.Select(poller => Held(poller).Count).ToArray();

    private static IReadOnlyCollection<Guid> Held(WebApplication poller) => poller.Services.GetRequiredService<StreamSupervisor>().Held;
}
