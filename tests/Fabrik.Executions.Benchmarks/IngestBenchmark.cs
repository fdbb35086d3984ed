using System.Diagnostics;
using Fabrik.Executions.Hosting;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 1: one poller copies one fast synthetic job, run to its end in the emulator beforehand, so the figure
/// is the poller's pace (store, then publish), not the emulator's. The poller is warmed up first on a job of the same
/// kind and size: a freshly started poller spends a third of its CPU compiling its code (tiered JIT) for about as long
/// as such a job takes, and its pace doubles after. Meanwhile the
/// measured execution's lease is held in the poller's own Redis key, as another poller would hold it, and released
/// once the warm-up job is published; the poller's next scan takes it up.
/// </summary>
internal static class IngestBenchmark
{
    public const string Rate = "events/s stored and published by one warm poller";

    private const string HeldBy = "benchmark-harness-holding-the-measured-job";

    public static async Task RunAsync(RunContext context)
    {
        var events = context.Sizes.IngestEvents;
        var measured = await SyntheticLaunches.LaunchAsync(context.Gateway, events, context.Sizes.Hosts, eventsPerSecond: 0);
        var warmUp = await SyntheticLaunches.LaunchAsync(context.Gateway, events, context.Sizes.Hosts, eventsPerSecond: 0);
        var jobs = await context.Stored.AwxJobIdsAsync([measured, warmUp]);
        await context.Jobs.WaitUntilOverAsync(jobs[measured]);
        await context.Jobs.WaitUntilOverAsync(jobs[warmUp]);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(context.Stack.Infrastructure.Redis);
        var keys = redis.GetDatabase().WithKeyPrefix(context.Stack.Infrastructure.RedisKeyPrefix);
        await keys.StringSetAsync(RedisStreamKeys.Lease(measured), HeldBy, StoredExecutions.LongWait);

        await context.Stack.EnsurePollerAsync();
        var poller = context.Stack.Pollers[0];
        var warmUpRate = await CopyRateAsync(context, warmUp, events);
        // Its end (parsing its results) is not part of the measured copy.
        await context.Stored.WaitUntilResultsParsedAsync([warmUp]);
        var requestsBefore = await context.Requests.CountAsync(poller.Url);
        var cpuBefore = CpuSnapshot.Take(context.Stack.ProcessIds());
        await keys.KeyDeleteAsync(RedisStreamKeys.Lease(measured));
        var rate = await CopyRateAsync(context, measured, events);
        foreach (var (part, seconds) in CpuSnapshot.Take(context.Stack.ProcessIds()).SecondsSince(cpuBefore))
        {
            context.Book.Add(Sections.Profile, $"ingest, CPU per event of the measured copy: {part}", "µs", 1e6 * seconds / events);
        }

        context.Book.Add(Sections.Ingest, Rate, "events/s", rate, Target.Minimum(10_000));
        context.Book.Add(Sections.Ingest, "… as a multiple of AWX's 1,630 events/s (one 4-vCPU control node)", "×", rate / 1_630, Target.Minimum(6));
        context.Book.Add(Sections.Ingest, "events/s of the warm-up job, copied by the freshly started poller", "events/s", warmUpRate);
        context.Book.Add(Sections.Cost, "AWX requests per event (one fast job, whole copy)", "requests",
            (await context.Requests.CountAsync(poller.Url) - requestsBefore) / (double)events);
        context.Book.Add(Sections.Cost, "bytes stored per event (job_events with its indexes)", "bytes", await context.Stored.BytesPerEventAsync());
        await context.Stored.WaitUntilFinishedAsync([warmUp, measured]);
        context.IngestedExecution = measured;
        context.IngestedJob = jobs[measured];
        context.Book.Note(Sections.Ingest, $"One synthetic job of {events:N0} events ({context.Sizes.Hosts} hosts), run to its end in the emulator before the poller takes it up; the rate runs from its first row stored to its last event published (the published watermark, polled every 10 ms). The poller copied a warm-up job of the same size first, while the measured execution's lease was held for it: a fresh poller spends about a third of its CPU compiling its code (tiered JIT) for about as long, and the warm-up job's own rate shows that start. Where the time goes gives each process's CPU per event of the measured copy.");
    }

    /// <summary>Rows per second of <paramref name="work"/> over <paramref name="rows"/> rows.</summary>
    public static async Task<double> RateAsync(int rows, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Waits until the poller has published all of an execution's events; answers its rate from its first row stored.</summary>
    private static async Task<double> CopyRateAsync(RunContext context, Guid execution, int events)
    {
        var waiting = Stopwatch.StartNew();
        while (await context.Stored.PublishedWatermarkAsync(execution) < events)
        {
            if (waiting.Elapsed > StoredExecutions.LongWait)
            {
                throw new TimeoutException($"The poller did not publish all {events} events within {StoredExecutions.LongWait}.");
            }

            // Finer than Eventually's 50 ms: the wait's end is the measurement.
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        var published = DateTime.UtcNow;
        return events / (published - await context.Stored.FirstStoredAtAsync(execution)).TotalSeconds;
    }
}
