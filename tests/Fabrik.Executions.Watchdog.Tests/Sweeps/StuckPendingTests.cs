using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

public sealed class StuckPendingTests
{
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromMinutes(5);

    private static WatchdogUnderTest System => TwoWatchdogs.System;

    [Test]
    public async Task Pending_that_never_reached_the_launcher_is_sent_to_it_again_once_as_stored()
    {
        var execution = await System.CreatePendingAsync(PastTheTimeout);

        var launch = await System.Probe.WaitForAsync<LaunchExecution>(m => m.ExecutionId == execution.Id, "LaunchExecution");
        await System.WaitForSweepsAsync(4);

        Assert.That(launch with { ExtraVars = default, Credentials = [] }, Is.EqualTo(new LaunchExecution
        {
            ExecutionId = execution.Id,
            RequestId = execution.RequestId,
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVars = default,
            Limit = "leaf-101.lab",
            Inventory = 7,
            Credentials = [],
            LaunchedBy = "alice",
        }));
        Assert.That(launch.Credentials, Is.EqualTo(new[] { 3, 5 }));
        Assert.That(JsonElement.DeepEquals(launch.ExtraVars, JsonDocument.Parse(execution.ExtraVars).RootElement), Is.True, launch.ExtraVars.GetRawText());
        Assert.That(System.Count<LaunchExecution>(m => m.ExecutionId == execution.Id), Is.EqualTo(1));
        Assert.That(System.Total("fabrik.watchdog.launch_resends"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Pending_whose_launch_outcome_was_never_recorded_ends_in_error_naming_the_template_once()
    {
        var execution = await System.CreatePendingAsync(PastTheTimeout, launchAttemptedAgo: PastTheTimeout);

        var changed = await System.Probe.WaitForAsync<ExecutionStatusChanged>(m => m.ExecutionId == execution.Id, "ExecutionStatusChanged");
        await System.WaitForSweepsAsync(4);

        Assert.That((changed.PreviousStatus, changed.Status, changed.AwxJobId), Is.EqualTo((ExecutionStatus.Pending, ExecutionStatus.Error, (long?)null)));
        var stored = (await System.Executions.FindAsync(execution.Id, CancellationToken.None))!;
        Assert.That(stored.Status, Is.EqualTo(ExecutionStatus.Error));
        Assert.That(stored.StatusExplanation, Is.EqualTo(changed.Explanation));
        Assert.That(stored.StatusExplanation, Does.Contain("job template 1 \"Synthetic\"")
            .And.Contain($"{stored.LaunchAttemptedAt:yyyy-MM-dd HH:mm:ss} UTC")
            .And.Contain("Check AWX's jobs of job template 1"));
        Assert.That(System.Count<ExecutionStatusChanged>(m => m.ExecutionId == execution.Id), Is.EqualTo(1));
        Assert.That(System.Count<LaunchExecution>(m => m.ExecutionId == execution.Id), Is.Zero, "it may have an AWX job already");
        Assert.That(System.Total("fabrik.watchdog.unknown_launches"), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Pending_within_the_timeout_is_left_alone()
    {
        var justCreated = await System.CreatePendingAsync(TimeSpan.Zero);
        var launchUnderWay = await System.CreatePendingAsync(PastTheTimeout, launchAttemptedAgo: TimeSpan.FromSeconds(5));
        var stuck = await System.CreatePendingAsync(PastTheTimeout);

        await System.Probe.WaitForAsync<LaunchExecution>(m => m.ExecutionId == stuck.Id, "LaunchExecution of the stuck execution");
        await System.WaitForSweepsAsync(4);

        foreach (var execution in new[] { justCreated, launchUnderWay })
        {
            Assert.That(System.Count<LaunchExecution>(m => m.ExecutionId == execution.Id), Is.Zero);
            Assert.That(System.Count<ExecutionStatusChanged>(m => m.ExecutionId == execution.Id), Is.Zero);
            Assert.That((await System.Executions.FindAsync(execution.Id, CancellationToken.None))!.Status, Is.EqualTo(ExecutionStatus.Pending));
        }
    }
}
