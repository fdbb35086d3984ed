using System.Diagnostics;
using System.Globalization;

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
            var limitedBefore = CpuSeconds(limited.Id);
            var freeBefore = CpuSeconds(free.Id);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var limitedUsed = CpuSeconds(limited.Id) - limitedBefore;
            var freeUsed = CpuSeconds(free.Id) - freeBefore;

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

    /// <summary>User and system time from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100d;
    }
}
