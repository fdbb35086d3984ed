using System.Diagnostics.Metrics;
using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>What retention runs did, on the system's meter.</summary>
public sealed class RetentionMetrics
{
    private readonly Counter<long> runs;
    private readonly Counter<long> executions;
    private readonly Counter<long> events;

    public RetentionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        runs = meter.CreateCounter<long>(
            "fabrik.watchdog.retention.runs", "{run}", "Retention runs by outcome: completed, skipped (another Watchdog held the lock) or failed.");
        executions = meter.CreateCounter<long>(
            "fabrik.watchdog.retention.executions", "{execution}", "Expired executions a dry run listed (outcome=listed) or a run deleted (outcome=deleted).");
        events = meter.CreateCounter<long>("fabrik.watchdog.retention.events_deleted", "{event}", "Output events deleted with expired executions.");
    }

    public void Run(string outcome) => runs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Executions(string outcome, int count) => executions.Add(count, new KeyValuePair<string, object?>("outcome", outcome));

    public void EventsDeleted(long count) => events.Add(count);
}
