using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

/// <summary>A finished execution whose results were never parsed, or whose workflow clone is still in AWX, gets its ExecutionFinished again.</summary>
public sealed class UnsettledFinishTests
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
        Assert.That(System.Total("fabrik.watchdog.finishes_republished"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Finished_workflow_whose_clone_is_still_in_AWX_gets_its_execution_finished_again_though_its_results_are_parsed()
    {
        var execution = await System.CreateFinishedAsync(PastTheTimeout, resultsParsed: true, workflowClone: (4_711, Removed: false));

        await System.Probe.WaitForAsync<ExecutionFinished>(m => m.ExecutionId == execution.Id, "ExecutionFinished of the workflow with its clone left");
        await System.WaitForSweepsAsync(4);

        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == execution.Id), Is.EqualTo(1), "once per results timeout");
    }

    [Test]
    public async Task Recently_finished_and_settled_executions_are_left_alone()
    {
        var justFinished = await System.CreateFinishedAsync(TimeSpan.Zero);
        var parsed = await System.CreateFinishedAsync(PastTheTimeout, resultsParsed: true);
        var settledWorkflow = await System.CreateFinishedAsync(PastTheTimeout, resultsParsed: true, workflowClone: (4_712, Removed: true));
        var unparsed = await System.CreateFinishedAsync(PastTheTimeout);

        await System.Probe.WaitForAsync<ExecutionFinished>(m => m.ExecutionId == unparsed.Id, "ExecutionFinished of the unparsed execution");
        await System.WaitForSweepsAsync(4);

        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == justFinished.Id), Is.Zero);
        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == parsed.Id), Is.Zero);
        Assert.That(System.Count<ExecutionFinished>(m => m.ExecutionId == settledWorkflow.Id), Is.Zero, "its clone is removed and its results parsed");
    }
}
