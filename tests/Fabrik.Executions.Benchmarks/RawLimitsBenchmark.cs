using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Npgsql;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 1, the other side: what this machine's servers do at all with the rows and messages the poller just
/// handled. PostgreSQL binary COPY into a copy of job_events (with all its indexes, then without the trigram index on
/// the colourless stdout, whose cost that isolates), the poller's own store statement (<see cref="JobEventStore"/>, pages of 200) and
/// a plain RabbitMQ publish of the same messages.
/// </summary>
internal static class RawLimitsBenchmark
{
    private const int PageSize = 200;
    private const int CopyAttempts = 3;

    // The store and the COPY into job_events write the ingested rows again under the same execution, each as a job of
    // its own that no AWX job id reaches, and remove them after.
    private const long StoreScratchJobOffset = 1_000_000_000;
    private const long CopyScratchJobOffset = 2_000_000_000;

    public static async Task RunAsync(RunContext context)
    {
        await using var dataSource = NpgsqlDataSource.Create(context.Stack.Infrastructure.Postgres);
        var store = new JobEventStore(dataSource);
        var events = await ReadAllAsync(store, context.IngestedExecution, context.IngestedJob);
        var ingest = LatestOf(context.Book, IngestBenchmark.Rate);
        var pagesAlone = LatestOf(context.Book, IngestBenchmark.PagesAloneRate);
        var ceiling = LatestOf(context.Book, IngestBenchmark.Ceiling);
        var pagesAloneCeiling = LatestOf(context.Book, IngestBenchmark.PagesAloneCeiling);

        // The best of a few alternating COPYs: a machine's limit, not its noise, and neither variant always goes first.
        var (copy, copyWithoutTrigram, copyIntoJobEvents) = (0.0, 0.0, 0.0);
        for (var attempt = 0; attempt < CopyAttempts; attempt++)
        {
            var trigramFirst = attempt % 2 == 0;
            var first = await JobEventCopy.RateAsync(dataSource, events, withTrigramIndex: trigramFirst);
            var second = await JobEventCopy.RateAsync(dataSource, events, withTrigramIndex: !trigramFirst);
            copy = Math.Max(copy, trigramFirst ? first : second);
            copyWithoutTrigram = Math.Max(copyWithoutTrigram, trigramFirst ? second : first);
            copyIntoJobEvents = Math.Max(copyIntoJobEvents, await JobEventCopy.RateIntoJobEventsAsync(dataSource, events, context.IngestedJob + CopyScratchJobOffset));
        }
        var stored = await StoreRateAsync(context, store, events);
        var bodies = RawPublish.Bodies(events);
        var publish = await RawPublish.RateAsync(context.Stack.Infrastructure.RabbitMq, bodies, intoQueue: false);
        var publishIntoQueue = await RawPublish.RateAsync(context.Stack.Infrastructure.RabbitMq, bodies, intoQueue: true);

        var book = context.Book;
        book.Add(Sections.Ingest, $"PostgreSQL binary COPY of the same rows (all job_events indexes, best of {CopyAttempts})", "rows/s", copy);
        book.Add(Sections.Ingest, $"PostgreSQL binary COPY without the stdout trigram index (best of {CopyAttempts})", "rows/s", copyWithoutTrigram);
        book.Add(Sections.Ingest, $"PostgreSQL binary COPY of the same rows into job_events itself (its foreign key, the rows stored before; best of {CopyAttempts})", "rows/s", copyIntoJobEvents);
        book.Add(Sections.Ingest, "cost of the stdout trigram index on COPY", "µs/row", 1e6 / copy - 1e6 / copyWithoutTrigram);
        book.Add(Sections.Ingest, $"the poller's store statement alone (JobEventStore, pages of {PageSize})", "rows/s", stored);
        book.Add(Sections.Ingest, "RabbitMQ publish of the same messages (plain client, confirms, persistent) to an exchange bound to nothing, as the poller's here", "messages/s", publish);
        book.Add(Sections.Ingest, "… into one durable queue, as for one subscriber", "messages/s", publishIntoQueue);
        book.Add(Sections.Ingest, "poller ÷ COPY", "%", 100 * ingest / copy, Target.Minimum(50));
        book.Add(Sections.Ingest, "poller ÷ COPY into job_events itself", "%", 100 * ingest / copyIntoJobEvents);
        book.Add(Sections.Ingest, "poller ÷ raw publish", "%", 100 * ingest / publish);
        book.Add(Sections.Ingest, "poller publishing pages alone ÷ COPY", "%", 100 * pagesAlone / copy);
        book.Add(Sections.Ingest, "ceiling for any poller ÷ COPY", "%", 100 * ceiling / copy);
        book.Add(Sections.Ingest, "ceiling for any poller publishing pages alone ÷ COPY", "%", 100 * pagesAloneCeiling / copy);
    }

    private static double LatestOf(FigureBook book, string figure) => book.Figures.Single(f => f.Name == figure).Samples[^1];

    private static async Task<List<JobEventReceived>> ReadAllAsync(JobEventStore store, Guid execution, long job)
    {
        var events = new List<JobEventReceived>();
        while (true)
        {
            var page = await store.ReadAfterAsync(execution, job, events.Count == 0 ? 0 : events[^1].Counter, 5_000, CancellationToken.None);
            if (page.Count == 0)
            {
                return events;
            }

            events.AddRange(page);
        }
    }

    /// <summary>The poller's statement into a job of its own under the same execution, removed again so the replay does not see it.</summary>
    private static async Task<double> StoreRateAsync(RunContext context, JobEventStore store, IReadOnlyList<JobEventReceived> events)
    {
        var execution = context.IngestedExecution;
        var job = context.IngestedJob + StoreScratchJobOffset;
        var rate = await IngestBenchmark.RateAsync(events.Count, async () =>
        {
            foreach (var page in events.Chunk(PageSize))
            {
                await store.StoreAsync(execution, job, page, CancellationToken.None);
            }
        });
        await using var connection = await context.Stored.OpenAsync();
        await using var remove = new NpgsqlCommand(
            "delete from job_events where execution_id = @e and job_id = @j; delete from job_streams where execution_id = @e and job_id = @j", connection);
        remove.Parameters.AddWithValue("e", execution);
        remove.Parameters.AddWithValue("j", job);
        await remove.ExecuteNonQueryAsync();
        return rate;
    }
}
