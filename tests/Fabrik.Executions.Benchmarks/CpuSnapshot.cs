using System.Diagnostics;
using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// CPU seconds used so far by the benchmark's own processes, by the three servers and by the whole machine, so that a
/// phase's share of each shows what saturated the cores (other users of the machine included).
/// </summary>
internal sealed record CpuSnapshot(long At, IReadOnlyDictionary<string, double> Seconds, double MachineBusySeconds)
{
    /// <summary>The part that is every core of the machine together.</summary>
    public const string Machine = "machine";

    /// <summary>The part that is the harness itself, which is measuring, not part of what is measured.</summary>
    public const string Harness = "benchmark harness";

    private const double TicksPerSecond = 100;
    private static readonly Dictionary<string, string> Servers = new()
    {
        ["postgres"] = "postgresql", ["beam.smp"] = "rabbitmq", ["redis-server"] = "redis",
    };

    public static CpuSnapshot Take(IReadOnlyDictionary<string, int> processes)
    {
        var seconds = new Dictionary<string, double>();
        foreach (var (name, id) in processes.Append(new(Harness, Environment.ProcessId)))
        {
            seconds[name] = SecondsOf(id);
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
        var cores = $"{Machine} ({Environment.ProcessorCount} cores = {Environment.ProcessorCount * 100} %)";
        return SecondsSince(earlier).Select(part => (part.Part == Machine ? cores : part.Part, 100 * part.Seconds / elapsed)).ToList();
    }

    /// <summary>CPU seconds each part used since <paramref name="earlier"/>, busiest first; "machine" is all cores.</summary>
    public IReadOnlyList<(string Part, double Seconds)> SecondsSince(CpuSnapshot earlier)
    {
        var used = Seconds
            // A process started in between (a poller) counts from zero.
            .Select(part => (part.Key, part.Value - earlier.Seconds.GetValueOrDefault(part.Key)))
            .OrderByDescending(part => part.Item2)
            .ToList();
        var machine = MachineBusySeconds - earlier.MachineBusySeconds;
        used.Add(("everything else on the machine", Math.Max(0, machine - used.Sum(part => part.Item2))));
        used.Add((Machine, machine));
        return used;
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

    /// <summary>The CPU seconds one process has used so far, 0 once it is gone.</summary>
    public static double SecondsOf(int id) => TicksOf(id) / TicksPerSecond;

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
