using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.StreamPoller.Telemetry;

/// <summary>
/// What this poller does, on the system's meter: poll cycles (as spans too, so a cycle's publishes join the trace of
/// the launch that started the stream), events stored and how late, heartbeats, and the leases it holds.
/// </summary>
public sealed class PollerMetrics
{
    private readonly Histogram<double> cycleDuration;
    private readonly Counter<long> cycleErrors;
    private readonly Counter<long> eventsIngested;
    private readonly Histogram<double> ingestLag;
    private readonly Counter<long> heartbeats;
    private readonly Counter<long> finished;
    private readonly Counter<long> pages;

    public PollerMetrics(IMeterFactory meterFactory, PollerIdentity poller, Func<int> leasesHeld)
    {
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        cycleDuration = meter.CreateHistogram<double>("fabrik.poller.cycle.duration", "s", "Poll cycles of one execution, by outcome (ok, failed, canceled).");
        cycleErrors = meter.CreateCounter<long>("fabrik.poller.cycle.errors", "{error}", "Poll cycles that failed, by error.type.");
        eventsIngested = meter.CreateCounter<long>("fabrik.poller.events.ingested", "{event}", "AWX job events stored for the first time.");
        ingestLag = meter.CreateHistogram<double>("fabrik.poller.ingest.lag", "s", "From an event's AWX created time to its storing.");
        heartbeats = meter.CreateCounter<long>("fabrik.poller.heartbeats", "{heartbeat}", "StreamHeartbeat messages published.");
        finished = meter.CreateCounter<long>(
            "fabrik.poller.executions.finished", "{execution}", "Streams finished, by status and complete (false: counters never became visible).");
        pages = meter.CreateCounter<long>(
            "fabrik.poller.pages", "{page}", "Stored pages published, by watched (true: a browser watched, so the Gateways got the page too).");
        meter.CreateObservableGauge(
            "fabrik.poller.leases.held",
            () => new Measurement<int>(leasesHeld(), new KeyValuePair<string, object?>("poller", poller.Id)),
            "{lease}",
            "Executions this poller streams under its lease.");
    }

    /// <summary>Runs one poll cycle of <paramref name="executionId"/> inside its span and measures it.</summary>
    public async Task<T> MeasureCycleAsync<T>(Guid executionId, Func<Task<T>> cycle)
    {
        using var span = FabrikTelemetry.Source.StartActivity("poll cycle");
        span?.SetTag(FabrikTelemetry.ExecutionIdAttribute, executionId.ToString("D"));
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await cycle();
        }
        catch (OperationCanceledException)
        {
            outcome = "canceled";
            throw;
        }
        catch (Exception exception)
        {
            outcome = "failed";
            span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            cycleErrors.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().Name));
            throw;
        }
        finally
        {
            cycleDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    public void Stored(IReadOnlyList<JobEventReceived> inserted, DateTimeOffset storedAt)
    {
        eventsIngested.Add(inserted.Count);
        foreach (var jobEvent in inserted)
        {
            ingestLag.Record(Math.Max(0, (storedAt - jobEvent.Created).TotalSeconds));
        }
    }

    public void HeartbeatSent() => heartbeats.Add(1);

    public void PagePublished(bool watched) => pages.Add(1, new KeyValuePair<string, object?>("watched", watched ? "true" : "false"));

    public void Finished(ExecutionStatus status, bool complete) =>
        finished.Add(1, new TagList { { "status", status.ToString().ToLowerInvariant() }, { "complete", complete ? "true" : "false" } });
}
