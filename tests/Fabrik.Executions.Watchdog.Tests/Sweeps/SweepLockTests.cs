using Fabrik.Executions.Contracts;
using Fabrik.Executions.Testing;
using Fabrik.Executions.Watchdog.Sweeping;
using Npgsql;

namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

public sealed class SweepLockTests
{
    private static WatchdogUnderTest System => TwoWatchdogs.System;

    [Test]
    public async Task Both_watchdogs_sweep_when_they_do_not_collide()
    {
        await Eventually.TrueAsync(
            () => Task.FromResult(System.Meters.All(meters => meters["fabrik.watchdog.sweeps{outcome=completed}"] > 0)),
            "each Watchdog to complete a sweep");
    }

    [Test]
    public async Task A_watchdog_that_cannot_take_the_sweep_lock_skips_the_sweep()
    {
        var executionId = Guid.Empty;
        await using (var holder = await System.Database.OpenConnectionAsync())
        {
            await Execute(holder, "select pg_advisory_lock(hashtext(@name))");
            var skippedBefore = System.Meters.Select(meters => meters["fabrik.watchdog.sweeps{outcome=skipped}"]).ToList();
            var completedBefore = System.Total("fabrik.watchdog.sweeps{outcome=completed}");
            executionId = await System.CreateRunningAsync(System.ExistingJobId);

            await Eventually.TrueAsync(
                () => Task.FromResult(System.Meters.Select((meters, i) => meters["fabrik.watchdog.sweeps{outcome=skipped}"] - skippedBefore[i]).All(skipped => skipped >= 3)),
                "each Watchdog to skip three sweeps");

            Assert.That(System.Total("fabrik.watchdog.sweeps{outcome=completed}"), Is.EqualTo(completedBefore),
                "a sweep counts itself before it lets go of the lock, so none completes while the test holds it");
            Assert.That(System.Count<ResumeStreaming>(m => m.ExecutionId == executionId), Is.Zero);
            await Execute(holder, "select pg_advisory_unlock(hashtext(@name))");
        }

        await System.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == executionId, "ResumeStreaming once the lock is free");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", SweepLock.Name);
        await command.ExecuteScalarAsync();
    }
}
