using System.Text.Json;
using Fabrik.Cli;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.ToolingTests.Cli;

public sealed class TailTests
{
    private Pipeline pipeline = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => pipeline = await ToolingPipeline.GetAsync();

    [TearDown]
    public void ClearFaults() => pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task Tail_follows_a_running_execution_to_its_end_and_exits_with_its_failure()
    {
        var executionId = await Launches.SyntheticAsync(pipeline, events: 300, eventsPerSecond: 100, failedHosts: 1);
        var statusAtStart = (await Launches.GetAsync(pipeline, executionId)).GetProperty("status").GetString();

        var tail = await CliRun.ProcessAsync(pipeline, "tail", executionId.ToString());

        Assert.That(statusAtStart, Is.AnyOf("pending", "waiting", "running"), "the tail started before the job ended");
        Assert.That(tail.ExitCode, Is.EqualTo(ExitCodes.Failed), tail.ToString());
        var execution = await Launches.GetAsync(pipeline, executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(tail.Error, Does.Contain($"execution {executionId} failed (300 events)"), tail.ToString());
        Assert.That(tail.Output, Does.Contain("PLAY RECAP"), tail.ToString());
        Assert.That(tail.Output, Does.Not.Contain("\u001B["), "no colour escapes when the output is not a terminal");
    }

    [Test]
    public async Task Tail_in_json_writes_every_event_once_in_counter_order_though_aws_shows_them_out_of_order()
    {
        pipeline.Awx.Faults = new FaultSettings { OutOfOrderWindowMs = 300 };
        var executionId = await Launches.SyntheticAsync(pipeline, events: 400, eventsPerSecond: 200);

        var tail = await CliRun.InProcessAsync(pipeline, "tail", executionId.ToString(), "--json");

        Assert.That(tail.ExitCode, Is.EqualTo(ExitCodes.Successful), tail.ToString());
        Assert.That(Counters(tail), Is.EqualTo(Enumerable.Range(1, 400).Select(counter => (long)counter)));
        Assert.That(tail.Error, Is.Empty, "JSON output has no summary line");

        var fromCounter = await CliRun.InProcessAsync(pipeline, "tail", executionId.ToString(), "--after", "350", "--json");

        Assert.That(fromCounter.ExitCode, Is.EqualTo(ExitCodes.Successful), fromCounter.ToString());
        Assert.That(Counters(fromCounter), Is.EqualTo(Enumerable.Range(351, 50).Select(counter => (long)counter)));
    }

    [Test]
    public async Task Tail_resumes_from_its_last_counter_after_its_connection_is_cut_and_misses_nothing()
    {
        await using var cutter = new ConnectionCutter(pipeline.GatewayUrl);
        var executionId = await Launches.SyntheticAsync(pipeline, events: 600, eventsPerSecond: 100);

        var tail = CliRun.InProcessAsync(pipeline, cutter.Url, "tail", executionId.ToString(), "--json");
        await Testing.Eventually.TrueAsync(
            async () => (await Testing.StoredEvents.ReadAsync(pipeline.Infrastructure, executionId)).MaxCounter >= 150,
            "150 events stored", CliRun.Deadline);
        var connectionsBeforeCut = cutter.Accepted;
        cutter.CutAll();
        var run = await tail;

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Successful), run.ToString());
        Assert.That(cutter.Accepted, Is.GreaterThan(connectionsBeforeCut), "the tail connected again");
        Assert.That(Counters(run), Is.EqualTo(Enumerable.Range(1, 600).Select(counter => (long)counter)));
    }

    [Test]
    public async Task Tail_of_a_canceled_execution_exits_3()
    {
        var executionId = await Launches.SyntheticAsync(pipeline, events: 3_000, eventsPerSecond: 30);
        await Launches.WaitForStatusAsync(pipeline, executionId, "running");

        var cancel = await CliRun.InProcessAsync(pipeline, "cancel", executionId.ToString());
        var tail = await CliRun.InProcessAsync(pipeline, "tail", executionId.ToString());

        Assert.That(cancel.ExitCode, Is.EqualTo(ExitCodes.Successful), cancel.ToString());
        Assert.That(cancel.Output, Does.Contain($"{executionId} running: AWX was asked to cancel the job"), cancel.ToString());
        Assert.That(tail.ExitCode, Is.EqualTo(ExitCodes.Canceled), tail.ToString());
        Assert.That(tail.Error, Does.Contain($"execution {executionId} canceled"), tail.ToString());
    }

    [Test]
    public async Task Tail_of_an_unknown_execution_says_so_and_exits_4()
    {
        var unknown = Guid.NewGuid();

        var tail = await CliRun.InProcessAsync(pipeline, "tail", unknown.ToString());

        Assert.That(tail.ExitCode, Is.EqualTo(ExitCodes.Unusable), tail.ToString());
        Assert.That(tail.Error, Does.Contain($"Execution {unknown} does not exist."), tail.ToString());
    }

    private static List<long> Counters(CliRun run) =>
        run.OutputLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("counter").GetInt64()).ToList();
}
