using System.Diagnostics;
using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// CPU seconds used so far by the benchmark's own processes, by the three servers and by the whole machine, so that a
/// phase's share of each shows what saturated the cores (other users of the machine included).
/// </summary>
internal sealed record CpuSnapshot(long At, IReadOnlyDictionary<string, double> Seconds, double MachineBusySeconds)
{
    private const double TicksPerSecond = 100;
    private static readonly Dictionary<string, string> Servers = new()
    {
        ["postgres"] = "postgresql", ["beam.smp"] = "rabbitmq", ["redis-server"] = "redis",
    };

    public static CpuSnapshot Take(IReadOnlyDictionary<string, int> processes)
    {
        var seconds = new Dictionary<string, double>();
        foreach (var (name, id) in processes.Append(new("benchmark harness", Environment.ProcessId)))
        {
            seconds[name] = TicksOf(id) / TicksPerSecond;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && Servers.TryGetValue(CommandOf(id), out var server))
            {
                // PostgreSQL's backends come and go: their time moves to the postmaster's children's time as they exit.
                seconds[server] = seconds.GetValueOrDefault(server) + TicksOf(id, withExitedChildren: true) / TicksPerSecond;
            }
        }

        return new CpuSnapshot(Stopwatch.GetTimestamp(), seconds, MachineBusyTicks() / TicksPerSecond);
    }

    /// <summary>Each part's share of one core over the time since <paramref name="earlier"/>, in percent; "machine" is all cores.</summary>
    public IReadOnlyList<(string Part, double Percent)> SharesSince(CpuSnapshot earlier)
    {
        var elapsed = Stopwatch.GetElapsedTime(earlier.At, At).TotalSeconds;
        var shares = Seconds
            // A process started during the phase (a poller) counts from zero.
            .Select(part => (part.Key, 100 * (part.Value - earlier.Seconds.GetValueOrDefault(part.Key)) / elapsed))
            .OrderByDescending(share => share.Item2)
            .ToList();
        var machine = 100 * (MachineBusySeconds - earlier.MachineBusySeconds) / elapsed;
        shares.Add(("everything else on the machine", Math.Max(0, machine - shares.Sum(s => s.Item2))));
        shares.Add(($"machine ({Environment.ProcessorCount} cores = {Environment.ProcessorCount * 100} %)", machine));
        return shares;
    }

    private static string CommandOf(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static long TicksOf(int id, bool withExitedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // The command name may hold spaces and parentheses: the fields start after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Skip(11).Take(withExitedChildren ? 4 : 2).Sum(field => long.Parse(field, CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        return fields.Take(8).Sum() - fields[3] - fields[4];
    }
}
