using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// What a set of SignalR subscriptions received of executions that have finished: each event's delay from its
/// visibility in the emulator to its arrival, the events that never arrived and the subscriptions that got everything.
/// </summary>
internal sealed record Deliveries(IReadOnlyList<double> LatenciesMs, long Missing, int Complete, int Subscriptions)
{
    private static readonly TimeSpan ArrivalWait = TimeSpan.FromSeconds(60);

    public static async Task<Deliveries> CollectAsync(RunContext context, IReadOnlyList<(HubWatcher Watcher, Guid Execution)> subscriptions)
    {
        var executions = subscriptions.Select(s => s.Execution).Distinct().ToList();
        await context.Stored.WaitUntilFinishedAsync(executions);
        var jobs = await context.Stored.AwxJobIdsAsync(executions);
        var visible = new Dictionary<Guid, IReadOnlyDictionary<long, DateTimeOffset>>();
        foreach (var execution in executions)
        {
            visible[execution] = await context.Jobs.VisibleAtAsync(jobs[execution]);
        }

        try
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(subscriptions.All(s => s.Watcher.CountOf(s.Execution) >= visible[s.Execution].Count)),
                "every subscriber to hold every event", ArrivalWait);
        }
        catch (TimeoutException)
        {
            // Counted below as missing events: the report says how many, the run goes on.
        }

        var latencies = new List<double>();
        var (missing, complete) = (0L, 0);
        foreach (var (watcher, execution) in subscriptions)
        {
            var arrivals = watcher.ArrivalsOf(execution);
            var absent = 0;
            foreach (var (counter, visibleAt) in visible[execution])
            {
                if (arrivals.TryGetValue(counter, out var arrived))
                {
                    latencies.Add((arrived - visibleAt).TotalMilliseconds);
                }
                else
                {
                    absent++;
                }
            }

            missing += absent;
            complete += absent == 0 ? 1 : 0;
        }

        return new Deliveries(latencies, missing, complete, subscriptions.Count);
    }

    public void AddPercentiles(FigureBook book, string section, string label, Target? p50 = null, Target? p99 = null)
    {
        book.Add(section, $"p50 {label}", "ms", Percentiles.Of(LatenciesMs, 50), p50);
        book.Add(section, $"p95 {label}", "ms", Percentiles.Of(LatenciesMs, 95));
        book.Add(section, $"p99 {label}", "ms", Percentiles.Of(LatenciesMs, 99), p99);
        book.Add(section, $"events missing at a subscriber {label}", "events", Missing, Target.Maximum(0));
    }
}
