using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

public sealed class UnparsedResultsTests
{
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromMinutes(5);

    private static WatchdogUnderTest System => TwoWatchdogs.System;

    [Test]
    public async Task Finished_execution_without_results_gets_its_execution_finished_again_once_as_stored()
    {
        var execution = await System.CreateFinishedAsync(PastTheTimeout);

        var finished = await System.Probe.WaitForAsync<ExecutionFinished>(m => m.ExecutionId == execution.Id, "ExecutionFinished");
        await System.WaitForSweepsAsync(4);

        Assert.That(finished with { MissingCounters = [] }, Is.EqualTo(new ExecutionFinished
        {
            ExecutionId = execution.Id,
            AwxJobId = System.ExistingJobId,
            Status = ExecutionStatus.Failed,
            FinalCounter = 42,
            Complete = false,
            MissingCounters = [],
            FinishedAt = new DateTimeOffset(execution.FinishedAt!.Value, TimeSpan.Zero),
        }));
        Assert.That(finished.MissingCounters, Is.EqualTo(new long[] { 7, 9 }));
        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == execution.Id), Is.EqualTo(1));
        Assert.That(System.Total("fabrik.watchdog.results_republished"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Recently_finished_and_parsed_executions_are_left_alone()
    {
        var justFinished = await System.CreateFinishedAsync(TimeSpan.Zero);
        var parsed = await System.CreateFinishedAsync(PastTheTimeout, resultsParsed: true);
        var unparsed = await System.CreateFinishedAsync(PastTheTimeout);

        await System.Probe.WaitForAsync<ExecutionFinished>(m => m.ExecutionId == unparsed.Id, "ExecutionFinished of the unparsed execution");
        await System.WaitForSweepsAsync(4);

        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == justFinished.Id), Is.Zero);
        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == parsed.Id), Is.Zero);
    }
}
