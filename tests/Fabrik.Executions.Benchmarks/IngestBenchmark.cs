using System.Diagnostics;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 1: one poller copies one fast synthetic job, run to its end in the emulator beforehand, so the figure
/// is the poller's pace (store, then publish), not the emulator's. The poller is warmed up first on a job of the same
/// kind and size: a freshly started poller spends a third of its CPU compiling its code (tiered JIT) for about as long
/// as such a job takes, and its pace doubles after. Meanwhile the
/// measured execution's lease is held in the poller's own Redis key, as another poller would hold it, and released
/// once the warm-up job is published; the poller's next scan takes it up. Measured twice, each time by a poller of its
/// own: first one publishing pages alone (<c>Poller:PublishEachEvent</c> off), then one publishing as the frame says,
/// which the later phases go on using, warm.
/// </summary>
internal static class IngestBenchmark
{
    public const string Rate = "events/s stored and published by one warm poller";
    public const string PagesAloneRate = "… by a poller publishing pages alone (Poller:PublishEachEvent false)";
    public const string Ceiling = "ceiling for any poller here: the cores ÷ the CPU every other process spent per event of the measured copy";
    public const string PagesAloneCeiling = "… of a poller publishing pages alone";

    private const string HeldBy = "benchmark-harness-holding-the-measured-job";
    private static readonly Dictionary<string, string?> PagesAlone = new() { ["Poller:PublishEachEvent"] = "false" };

    public static async Task RunAsync(RunContext context)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(context.Stack.Infrastructure.Redis);
        var keys = redis.GetDatabase().WithKeyPrefix(context.Stack.Infrastructure.RedisKeyPrefix);
        var pagesAlone = await MeasureAsync(context, keys, () => context.Stack.StartPollerAsync(PagesAlone));
        context.Stack.StopPollers();
        var frame = await MeasureAsync(context, keys, () => context.Stack.StartPollerAsync());

        var book = context.Book;
        var events = context.Sizes.IngestEvents;
        book.Add(Sections.Ingest, Rate, "events/s", frame.Rate, Target.Minimum(10_000));
        book.Add(Sections.Ingest, "… as a multiple of AWX's 1,630 events/s (one 4-vCPU control node)", "×", frame.Rate / 1_630, Target.Minimum(6));
        book.Add(Sections.Ingest, "events/s of the warm-up job, copied by the freshly started poller", "events/s", frame.WarmUpRate);
        book.Add(Sections.Ingest, PagesAloneRate, "events/s", pagesAlone.Rate);
        book.Add(Sections.Ingest, Ceiling, "events/s", CeilingForAnyPoller(frame, events));
        book.Add(Sections.Ingest, PagesAloneCeiling, "events/s", CeilingForAnyPoller(pagesAlone, events));
        AddCpuPerEvent(book, "ingest, CPU per event of the measured copy", frame, events);
        AddCpuPerEvent(book, "ingest with pages alone, CPU per event", pagesAlone, events);
        book.Add(Sections.Cost, "AWX requests per event (one fast job, whole copy)", "requests", frame.AwxRequests / (double)events);
        book.Add(Sections.Cost, "bytes stored per event (job_events with its indexes)", "bytes", await context.Stored.BytesPerEventAsync());
        context.IngestedExecution = frame.Execution;
        context.IngestedJob = frame.Job;
        book.Note(Sections.Ingest, $"One synthetic job of {events:N0} events ({context.Sizes.Hosts} hosts), run to its end in the emulator before the poller takes it up; the rate runs from its first row stored to its last event published (the published watermark, polled every 10 ms). The poller copied a warm-up job of the same size first, while the measured execution's lease was held for it: a fresh poller spends about a third of its CPU compiling its code (tiered JIT) for about as long, and the warm-up job's own rate shows that start. Measured twice, each by a fresh poller: first one publishing each page alone, without a JobEventReceived per event (Poller:PublishEachEvent false), then one publishing both as the frame says. Where the time goes gives each process's CPU per event of both measured copies.");
    }

    /// <summary>Rows per second of <paramref name="work"/> over <paramref name="rows"/> rows.</summary>
    public static async Task<double> RateAsync(int rows, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Launches a warm-up job and the measured one, starts the poller while the measured one is held, and copies both.</summary>
    private static async Task<MeasuredCopy> MeasureAsync(RunContext context, IDatabaseAsync keys, Func<Task<LiveService>> startPoller)
    {
        var events = context.Sizes.IngestEvents;
        var measured = await SyntheticLaunches.LaunchAsync(context.Gateway, events, context.Sizes.Hosts, eventsPerSecond: 0);
        var warmUp = await SyntheticLaunches.LaunchAsync(context.Gateway, events, context.Sizes.Hosts, eventsPerSecond: 0);
        var jobs = await context.Stored.AwxJobIdsAsync([measured, warmUp]);
        await context.Jobs.WaitUntilOverAsync(jobs[measured]);
        await context.Jobs.WaitUntilOverAsync(jobs[warmUp]);
        await keys.StringSetAsync(RedisStreamKeys.Lease(measured), HeldBy, StoredExecutions.LongWait);

        var poller = await startPoller();
        var warmUpRate = await CopyRateAsync(context, warmUp, events);
        // Its end (parsing its results) is not part of the measured copy.
        await context.Stored.WaitUntilResultsParsedAsync([warmUp]);
        var requestsBefore = await context.Requests.CountAsync(poller.Url);
        var cpuBefore = CpuSnapshot.Take(context.Stack.ProcessIds());
        await keys.KeyDeleteAsync(RedisStreamKeys.Lease(measured));
        var rate = await CopyRateAsync(context, measured, events);
        var cpu = CpuSnapshot.Take(context.Stack.ProcessIds()).SecondsSince(cpuBefore);
        var requests = await context.Requests.CountAsync(poller.Url) - requestsBefore;
        await context.Stored.WaitUntilFinishedAsync([warmUp, measured]);
        return new MeasuredCopy(measured, jobs[measured], rate, warmUpRate, cpu, requests);
    }

    private static void AddCpuPerEvent(FigureBook book, string label, MeasuredCopy copy, int events)
    {
        foreach (var (part, seconds) in copy.CpuSeconds)
        {
            book.Add(Sections.Profile, $"{label}: {part}", "µs", 1e6 * seconds / events);
        }
    }

    /// <summary>
    /// The rate no poller could pass on this machine, however little CPU it spent itself: PostgreSQL, RabbitMQ, the
    /// emulator and the other services spend their share per event whatever the poller does, and together they may use
    /// every core at most. The harness's own CPU (it polls the watermark) is left out.
    /// </summary>
    private static double CeilingForAnyPoller(MeasuredCopy copy, int events)
    {
        var others = copy.CpuSeconds
            .Where(part => part.Part is not (CpuSnapshot.Machine or CpuSnapshot.Harness) && !part.Part.StartsWith("poller-", StringComparison.Ordinal))
            .Sum(part => part.Seconds);
        return Environment.ProcessorCount * events / others;
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

    private sealed record MeasuredCopy(
        Guid Execution, long Job, double Rate, double WarmUpRate, IReadOnlyList<(string Part, double Seconds)> CpuSeconds, long AwxRequests);
}
