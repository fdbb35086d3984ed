using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

public sealed class StalledStreamTests
{
    private static WatchdogUnderTest System => TwoWatchdogs.System;

    [Test]
    public async Task Execution_without_lease_or_keepalive_is_resumed_once_however_many_watchdogs_sweep()
    {
        var executionId = await System.CreateRunningAsync(System.ExistingJobId);

        var resume = await System.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == executionId, "ResumeStreaming");
        await System.WaitForSweepsAsync(4);

        Assert.That(resume.Reason, Does.Contain("keepalive"));
        Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == executionId), Is.EqualTo(1));
        Assert.That(System.Total("fabrik.watchdog.resumes"), Is.GreaterThanOrEqualTo(1));
        Assert.That((await System.Executions.FindAsync(executionId, CancellationToken.None))!.Status, Is.EqualTo(ExecutionStatus.Running),
            "AWX still has the job, so resuming is all there is to do");
    }

    [Test]
    public async Task Execution_whose_keepalive_is_fresh_is_not_resumed()
    {
        var streaming = await System.CreateRunningAsync(System.ExistingJobId, keepalive: true);
        var stalled = await System.CreateRunningAsync(System.ExistingJobId);

        await System.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == stalled, "ResumeStreaming of the stalled execution");
        await System.WaitForSweepsAsync(4);

        Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == streaming), Is.Zero);
    }

    [Test]
    public async Task Execution_launched_within_the_grace_is_left_to_the_pollers()
    {
        var justLaunched = await System.CreateRunningAsync(WatchdogUnderTest.VanishedJobId, launchedAgo: TimeSpan.Zero);
        var stalled = await System.CreateRunningAsync(System.ExistingJobId);

        await System.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == stalled, "ResumeStreaming of the execution launched a minute ago");
        await System.WaitForSweepsAsync(4);

        Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == justLaunched), Is.Zero, "no poller has had the time to take it yet");
        Assert.That((await System.Executions.FindAsync(justLaunched, CancellationToken.None))!.Status, Is.EqualTo(ExecutionStatus.Running),
            "nor is AWX asked about it yet");
    }

    [Test]
    public async Task Execution_whose_awx_job_is_gone_ends_in_error_once_with_its_missing_counters()
    {
        var executionId = await System.CreateRunningAsync(WatchdogUnderTest.VanishedJobId, storedCounters: [1, 2, 4]);

        var changed = await System.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == executionId, "ExecutionStatusChanged");
        await System.WaitForSweepsAsync(4);

        var expectedExplanation = $"AWX job {WatchdogUnderTest.VanishedJobId} no longer exists (404)";
        Assert.That((changed.PreviousStatus, changed.Status, changed.AwxJobId), Is.EqualTo((ExecutionStatus.Running, ExecutionStatus.Error, WatchdogUnderTest.VanishedJobId)));
        Assert.That(changed.Explanation, Does.StartWith(expectedExplanation));
        var execution = (await System.Executions.FindAsync(executionId, CancellationToken.None))!;
        Assert.That(execution.Status, Is.EqualTo(ExecutionStatus.Error));
        Assert.That(execution.StatusExplanation, Does.StartWith(expectedExplanation));
        Assert.That((execution.FinalCounter, execution.Complete, execution.MissingCounters), Is.EqualTo(((long?)4, (bool?)false, new long[] { 3 })));
        Assert.That(System.Count<ExecutionStatusChanged>(m => m.ExecutionId == executionId), Is.EqualTo(1));
        var finished = System.Probe.Received<ExecutionFinished>().Where(m => m.ExecutionId == executionId).ToList();
        Assert.That(finished, Has.Count.EqualTo(1), "results are parsed and browsers told at once, not when the unparsed-results sweep notices");
        Assert.That(
            (finished[0].Status, finished[0].AwxJobId, finished[0].FinalCounter, finished[0].Complete, finished[0].MissingCounters),
            Is.EqualTo((ExecutionStatus.Error, WatchdogUnderTest.VanishedJobId, 4L, false, new long[] { 3 })));
        Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == executionId), Is.Zero, "a vanished job is not resumed");
        Assert.That(System.Total("fabrik.watchdog.vanished_jobs"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Execution_a_poller_holds_is_neither_checked_against_awx_nor_resumed()
    {
        var held = await System.CreateRunningAsync(WatchdogUnderTest.VanishedJobId, lease: true);
        var unheld = await System.CreateRunningAsync(WatchdogUnderTest.VanishedJobId);

        await System.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == unheld, "the unheld execution's error");
        await System.WaitForSweepsAsync(4);

        Assert.That((await System.Executions.FindAsync(held, CancellationToken.None))!.Status, Is.EqualTo(ExecutionStatus.Running),
            "its poller sees the 404 itself");
        Assert.That(System.Count<ExecutionStatusChanged>(m => m.ExecutionId == held), Is.Zero);
        Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == held), Is.Zero, "a lease means a poller has it");
    }
}
