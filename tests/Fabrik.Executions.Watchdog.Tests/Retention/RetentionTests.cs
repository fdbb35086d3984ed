using Fabrik.Executions.Contracts;
using Fabrik.Executions.Watchdog.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Watchdog.Tests.Retention;

/// <summary>The policy applied by hand on the real database, while a Watchdog with the same policy runs its scheduled dry runs.</summary>
public sealed class RetentionTests
{
    private WatchdogUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await WatchdogUnderTest.StartAsync(instances: 1, settings: new Dictionary<string, string?>
    {
        ["Retention:Mode"] = "DryRun",
        ["Retention:IntervalSeconds"] = "1",
        ["Retention:MaxAgeDays"] = "30",
        ["Retention:KeepLastPerTemplate"] = "1",
        ["Retention:Statuses:0"] = "successful",
        ["Retention:Statuses:1"] = "failed",
        ["Retention:Statuses:2"] = "canceled",
        ["Retention:EventBatchSize"] = "7",
        ["Retention:BatchPauseMilliseconds"] = "0",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await system.DisposeAsync();

    [Test]
    public async Task Retention_deletes_exactly_what_its_dry_run_listed_and_never_an_active_execution()
    {
        var history = new StoredHistory(system);
        var old = await history.AddAsync(1, ExecutionStatus.Successful, 100);
        var oldFailed = await history.AddAsync(1, ExecutionStatus.Failed, 90);
        await history.AddAsync(1, ExecutionStatus.Error, 80);
        await history.AddAsync(1, ExecutionStatus.Successful, 10);
        var oldChain = await history.AddAsync(1, ExecutionStatus.Failed, 70);
        var oldChainRelaunch = await history.AddAsync(1, ExecutionStatus.Successful, 60, relaunchOf: oldChain);
        var recentlyRelaunched = await history.AddAsync(1, ExecutionStatus.Failed, 70);
        await history.AddAsync(1, ExecutionStatus.Successful, 5, relaunchOf: recentlyRelaunched);
        var stillRelaunching = await history.AddAsync(1, ExecutionStatus.Failed, 70);
        await history.AddAsync(1, ExecutionStatus.Running, 65, relaunchOf: stillRelaunching);
        await history.AddAsync(1, ExecutionStatus.Running, 100);
        await history.AddAsync(1, ExecutionStatus.Pending, 100);
        var olderOfTemplate2 = await history.AddAsync(2, ExecutionStatus.Canceled, 200);
        await history.AddAsync(2, ExecutionStatus.Successful, 150);
        await history.AddAsync(2, ExecutionStatus.Successful, 100, kind: TemplateKind.Workflow);
        var all = await history.ExecutionIdsAsync();
        var mine = history.Added;
        var run = system.Services[0].GetRequiredService<RetentionRun>();

        var dryRun = await run.RunAsync(dryRun: true, CancellationToken.None);

        var listed = dryRun.Executions.Select(execution => execution.Id).ToList();
        Assert.That(listed.Intersect(mine), Is.EquivalentTo(new[] { old, oldFailed, oldChain, oldChainRelaunch, olderOfTemplate2 }));
        Assert.That(listed.IndexOf(oldChainRelaunch), Is.LessThan(listed.IndexOf(oldChain)), "a relaunch is listed before what it relaunched");
        Assert.That(await history.ExecutionIdsAsync(), Is.EquivalentTo(all), "a dry run deletes nothing");

        var deleted = await run.RunAsync(dryRun: false, CancellationToken.None);

        Assert.That(deleted.Executions.Select(execution => execution.Id), Is.EqualTo(listed));
        Assert.That(deleted.EventsDeleted, Is.EqualTo(listed.Count * StoredHistory.EventsPerExecution));
        Assert.That(await history.ExecutionIdsAsync(), Is.EquivalentTo(all.Except(listed)));
        Assert.That(await history.OutputOfAsync(listed), Is.EqualTo((0L, 0L)), "output and streams go with their executions");
        var kept = mine.Except(listed).ToList();
        Assert.That(await history.OutputOfAsync(kept), Is.EqualTo(((long)kept.Count * StoredHistory.EventsPerExecution, (long)kept.Count)));
        var listedAfter = (await run.RunAsync(dryRun: true, CancellationToken.None)).Executions.Select(execution => execution.Id);
        Assert.That(listedAfter.Intersect(mine), Is.Empty, "nothing else has expired");
    }

    [Test]
    public async Task The_scheduled_dry_run_lists_expired_executions_and_deletes_none()
    {
        var history = new StoredHistory(system);
        var expired = await history.AddAsync(3, ExecutionStatus.Failed, 400);
        await history.AddAsync(3, ExecutionStatus.Failed, 300);
        var listedBefore = system.Total("fabrik.watchdog.retention.executions{outcome=listed}");
        var runsBefore = system.Total("fabrik.watchdog.retention.runs{outcome=completed}");
        var deletedBefore = system.Total("fabrik.watchdog.retention.executions{outcome=deleted}");

        await Testing.Eventually.TrueAsync(
            () => Task.FromResult(system.Total("fabrik.watchdog.retention.runs{outcome=completed}") >= runsBefore + 2),
            "two more scheduled retention runs");

        Assert.That(system.Total("fabrik.watchdog.retention.executions{outcome=listed}"), Is.GreaterThan(listedBefore));
        Assert.That(system.Total("fabrik.watchdog.retention.executions{outcome=deleted}"), Is.EqualTo(deletedBefore));
        Assert.That(await history.ExecutionIdsAsync(), Does.Contain(expired));
    }
}
