using System.Globalization;
using System.Text;

namespace Fabrik.Executions.ChaosTests;

/// <summary>What the chaos run did and what it cost, printed with the test's output.</summary>
internal sealed class ChaosFigures
{
    private int resumes;
    private TimeSpan longestResume;

    public int PollerKills { get; set; }

    public int GatewayKills { get; set; }

    public int RabbitMqRestarts { get; set; }

    public int RedisRestarts { get; set; }

    /// <summary>Per SIGKILL: how many executions the poller held, and how long until others held them all.</summary>
    public List<(int Held, TimeSpan Elapsed)> Takeovers { get; } = [];

    public void Subscribers(IEnumerable<FailoverWatcher> watchers)
    {
        foreach (var watcher in watchers)
        {
            resumes += watcher.Resumes;
            longestResume = watcher.LongestResume > longestResume ? watcher.LongestResume : longestResume;
        }
    }

    public string Report(int events)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Chaos figures: {events} events stored and delivered exactly once");
        report.AppendLine(CultureInfo.InvariantCulture, $"  poller SIGKILLs: {PollerKills}, Gateway kills: {GatewayKills}, RabbitMQ restarts: {RabbitMqRestarts}, Redis restarts: {RedisRestarts}");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"  takeover after SIGKILL (executions held: seconds): {string.Join(", ", Takeovers.Select(t => $"{t.Held}: {t.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}"))} (max {Takeovers.Select(t => t.Elapsed).DefaultIfEmpty().Max().TotalSeconds:0.0} s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"  subscriber resumes: {resumes}, longest resume: {longestResume.TotalSeconds:0.0} s");
        return report.ToString();
    }
}
