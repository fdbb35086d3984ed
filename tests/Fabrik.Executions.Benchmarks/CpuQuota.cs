using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Limits processes to a share of one core each through a cgroup CPU quota (cgroup v2 <c>cpu.max</c>, or v1
/// <c>cpu.cfs_quota_us</c>): each process gets a group of its own and goes back to the root group when lifted. Needs root
/// and a mounted CPU controller; <see cref="TryCreate"/> says why not otherwise.
/// </summary>
internal sealed class CpuQuota : IDisposable
{
    private const int PeriodMicroseconds = 100_000;
    private readonly string root;
    private readonly bool unified;
    private readonly Dictionary<int, string> groups = [];

    private CpuQuota(string root, bool unified)
    {
        this.root = root;
        this.unified = unified;
    }

    public static CpuQuota? TryCreate(out string whyNot)
    {
        whyNot = "";
        try
        {
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers"))
            {
                if (!File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Split(' ', '\n').Contains("cpu"))
                {
                    whyNot = "the cgroup v2 hierarchy has no cpu controller";
                    return null;
                }

                File.WriteAllText("/sys/fs/cgroup/cgroup.subtree_control", "+cpu");
                return Probed(new CpuQuota("/sys/fs/cgroup", unified: true));
            }

            if (File.Exists("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
            {
                return Probed(new CpuQuota("/sys/fs/cgroup/cpu", unified: false));
            }

            whyNot = "no cgroup CPU controller is mounted under /sys/fs/cgroup";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            whyNot = $"the cgroup CPU controller cannot be written ({exception.Message})";
        }

        return null;
    }

    /// <summary>A read-only cgroup file system (a container's) refuses a group or its quota: better found out before measuring.</summary>
    private static CpuQuota Probed(CpuQuota quota)
    {
        var probe = Path.Combine(quota.root, $"fabrik-benchmark-probe-{Environment.ProcessId}");
        Directory.CreateDirectory(probe);
        try
        {
            quota.WriteQuota(probe, "50000");
        }
        finally
        {
            Directory.Delete(probe);
        }

        return quota;
    }

    /// <summary>Limits each of <paramref name="processIds"/> to <paramref name="cores"/> of one core.</summary>
    public void Limit(IEnumerable<int> processIds, double cores)
    {
        var quota = ((int)(cores * PeriodMicroseconds)).ToString(CultureInfo.InvariantCulture);
        foreach (var processId in processIds)
        {
            var group = Path.Combine(root, $"fabrik-benchmark-{processId}");
            Directory.CreateDirectory(group);
            groups[processId] = group;
            WriteQuota(group, quota);
            File.WriteAllText(Path.Combine(group, "cgroup.procs"), processId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void WriteQuota(string group, string microseconds)
    {
        if (unified)
        {
            File.WriteAllText(Path.Combine(group, "cpu.max"), $"{microseconds} {PeriodMicroseconds}");
        }
        else
        {
            File.WriteAllText(Path.Combine(group, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(Path.Combine(group, "cpu.cfs_quota_us"), microseconds);
        }
    }

    /// <summary>Gives every limited process back to the root group (an exited one is gone already) and removes the groups.</summary>
    public void Lift()
    {
        foreach (var (processId, group) in groups)
        {
            try
            {
                File.WriteAllText(Path.Combine(root, "cgroup.procs"), processId.ToString(CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process has exited: the kernel took it out of the group.
            }

            Directory.Delete(group);
        }

        groups.Clear();
    }

    public void Dispose() => Lift();
}
