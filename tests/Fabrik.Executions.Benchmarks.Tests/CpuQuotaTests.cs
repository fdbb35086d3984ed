using System.Diagnostics;

namespace Fabrik.Executions.Benchmarks.Tests;

public sealed class CpuQuotaTests
{
    [Test]
    public async Task A_limited_process_gets_its_share_of_a_core_while_an_unlimited_twin_runs_freely()
    {
        using var quota = CpuQuota.TryCreate(out var whyNot);
        if (quota is null)
        {
            Assert.Ignore($"No cgroup CPU quota here: {whyNot}.");
        }

        using var limited = BusyLoop();
        using var free = BusyLoop();
        try
        {
            quota.Limit([limited.Id], 0.1);
            var limitedBefore = CpuSnapshot.SecondsOf(limited.Id);
            var freeBefore = CpuSnapshot.SecondsOf(free.Id);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var limitedUsed = CpuSnapshot.SecondsOf(limited.Id) - limitedBefore;
            var freeUsed = CpuSnapshot.SecondsOf(free.Id) - freeBefore;

            Assert.That(limitedUsed, Is.LessThan(freeUsed / 2), $"limited to 0.1 core it used {limitedUsed} s, its twin {freeUsed} s");
            quota.Lift();
            Assert.That(await File.ReadAllTextAsync($"/proc/{limited.Id}/cgroup"), Does.Not.Contain("fabrik-benchmark"));
        }
        finally
        {
            limited.Kill();
            free.Kill();
        }
    }

    private static Process BusyLoop() => Process.Start("sh", ["-c", "while :; do :; done"]);
}
