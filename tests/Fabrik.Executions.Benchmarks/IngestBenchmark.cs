using System.Diagnostics;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 1: one poller copies one fast synthetic job. The job runs to its end before the poller starts, so
/// the figure is the poller's pace (store, then publish), not the emulator's: from the first row stored to the last
/// event published.
/// </summary>
internal static class IngestBenchmark
{
    public const string Rate = "events/s stored and published by one poller, once warm";

    /// <summary>The share of the job a freshly started poller copies before its rate counts: its code is still being compiled.</summary>
    private const double WarmUpShare = 0.2;

    public static async Task RunAsync(RunContext context)
    {
        var events = context.Sizes.IngestEvents;
        var execution = await SyntheticLaunches.LaunchAsync(context.Gateway, events, context.Sizes.Hosts, eventsPerSecond: 0);
        var job = (await context.Stored.AwxJobIdsAsync([execution]))[execution];
        await context.Jobs.WaitUntilOverAsync(job);

        var poller = await context.Stack.StartPollerAsync();
        var waiting = Stopwatch.StartNew();
        (long Published, DateTime At)? warm = null;
        long watermark;
        while ((watermark = await context.Stored.PublishedWatermarkAsync(execution)) < events)
        {
            if (waiting.Elapsed > StoredExecutions.LongWait)
            {
                throw new TimeoutException($"The poller did not publish all {events} events within {StoredExecutions.LongWait}.");
            }

            if (warm is null && watermark >= events * WarmUpShare)
            {
                warm = (watermark, DateTime.UtcNow);
            }

            // Finer than Eventually's 50 ms: the wait's end is the measurement.
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        var published = DateTime.UtcNow;
        var firstStored = await context.Stored.FirstStoredAtAsync(execution);
        var (warmPublished, warmAt) = warm ?? (0, firstStored);
        var rate = (events - warmPublished) / (published - warmAt).TotalSeconds;
        context.Book.Add(Sections.Ingest, Rate, "events/s", rate, Target.Minimum(10_000));
        context.Book.Add(Sections.Ingest, "… as a multiple of AWX's 1,630 events/s (one 4-vCPU control node)", "×", rate / 1_630, Target.Minimum(6));
        context.Book.Add(Sections.Ingest, "events/s over the whole copy, the fresh poller's start included", "events/s", events / (published - firstStored).TotalSeconds);
        context.Book.Add(Sections.Cost, "AWX requests per event (one fast job, whole copy)", "requests",
            await context.Requests.CountAsync(poller.Url) / (double)events);
        context.Book.Add(Sections.Cost, "bytes stored per event (job_events with its indexes)", "bytes", await context.Stored.BytesPerEventAsync());
        await context.Stored.WaitUntilFinishedAsync([execution]);
        context.IngestedExecution = execution;
        context.IngestedJob = job;
        context.Book.Note(Sections.Ingest, $"One synthetic job of {events:N0} events ({context.Sizes.Hosts} hosts), run to its end in the emulator before the poller starts; the published watermark is polled every 10 ms. The judged rate counts from the moment the first {WarmUpShare:P0} of the events are published to the last: until then the new poller's code is still being compiled (tiered JIT took about a third of its CPU in a profile). The whole-copy rate, from the first row stored, is given beside it.");
    }

    /// <summary>Rows per second of <paramref name="work"/> over <paramref name="rows"/> rows.</summary>
    public static async Task<double> RateAsync(int rows, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return rows / clock.Elapsed.TotalSeconds;
    }
}
