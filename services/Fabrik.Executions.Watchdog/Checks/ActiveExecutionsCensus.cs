using System.Diagnostics.Metrics;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Sweeping;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Counts the executions per non-terminal status each sweep, for the executions-per-state gauges and the stuck-in-
/// pending alert. Only the sweeping Watchdog counts; the others report nothing rather than an old count.
/// </summary>
public sealed class ActiveExecutionsCensus : IWatchdogCheck
{
    private static readonly string[] ActiveStatuses = ["pending", "waiting", "running"];

    private readonly WatchdogQueries queries;
    private readonly TimeProvider clock = TimeProvider.System;
    private readonly TimeSpan freshFor;
    private volatile Census? last;

    public ActiveExecutionsCensus(WatchdogQueries queries, IMeterFactory meterFactory, IOptions<WatchdogOptions> options)
    {
        this.queries = queries;
        freshFor = options.Value.SweepInterval * 3;
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        meter.CreateObservableGauge("fabrik.executions.active", () => Observe(count => count.Count), "{execution}", "Executions per non-terminal status.");
        meter.CreateObservableGauge(
            "fabrik.executions.oldest.age", () => Observe(count => count.OldestAgeSeconds), "s", "Age of the oldest execution per non-terminal status.");
    }

    public string Name => "active-executions-census";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var counts = await queries.CountActiveAsync(cancellationToken);
        last = new Census(clock.GetUtcNow(), counts.ToDictionary(count => count.Status));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<ActiveExecutionCount, T> value)
        where T : struct
    {
        if (last is not { } census || clock.GetUtcNow() - census.TakenAt > freshFor)
        {
            return [];
        }

        // Every status is reported, zero included, so an alert on "pending > 0" clears instead of going stale.
        return ActiveStatuses.Select(status => new Measurement<T>(
            census.Counts.TryGetValue(status, out var count) ? value(count) : default,
            new KeyValuePair<string, object?>("status", status)));
    }

    private sealed record Census(DateTimeOffset TakenAt, IReadOnlyDictionary<string, ActiveExecutionCount> Counts);
}
