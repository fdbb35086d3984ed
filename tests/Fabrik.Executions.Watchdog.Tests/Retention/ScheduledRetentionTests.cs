using Fabrik.Executions.Contracts;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Watchdog.Tests.Retention;

public sealed class ScheduledRetentionTests
{
    [Test]
    public async Task Two_watchdogs_deleting_on_schedule_delete_expired_executions_once_and_keep_the_rest()
    {
        await using var system = await WatchdogUnderTest.StartAsync(instances: 2, settings: new Dictionary<string, string?>
        {
            ["Retention:Mode"] = "Delete",
            ["Retention:IntervalSeconds"] = "1",
            ["Retention:MaxAgeDays"] = "30",
            ["Retention:KeepLastPerTemplate"] = "0",
        });
        var history = new StoredHistory(system);
        var expired = new[]
        {
            await history.AddAsync(1, ExecutionStatus.Error, 40),
            await history.AddAsync(1, ExecutionStatus.Canceled, 50),
        };
        var kept = new[]
        {
            await history.AddAsync(1, ExecutionStatus.Successful, 20),
            await history.AddAsync(1, ExecutionStatus.Waiting, 60),
        };

        await Eventually.TrueAsync(async () => !(await history.ExecutionIdsAsync()).Overlaps(expired), "the expired executions to be deleted");

        Assert.That(await history.ExecutionIdsAsync(), Is.SupersetOf(kept));
        Assert.That(system.Total("fabrik.watchdog.retention.executions{outcome=deleted}"), Is.EqualTo(expired.Length));
        Assert.That(system.Total("fabrik.watchdog.retention.events_deleted"), Is.EqualTo(expired.Length * StoredHistory.EventsPerExecution));
    }
}
