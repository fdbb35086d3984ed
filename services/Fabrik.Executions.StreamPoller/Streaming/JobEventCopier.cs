using System.Globalization;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Copies one AWX job's events into PostgreSQL exactly once and publishes each stored page, event by event and whole,
/// after it is stored; how far the stream is published is recorded once a pass, since a takeover republishes from there
/// and consumers dedupe. New events are read from the highest stored counter on, following AWX's relative <c>next</c>;
/// counters missing below it (AWX makes events visible late and out of order) are asked for by <c>counter__in</c>, so a
/// counter that never appears costs one small query per pass instead of a re-read of everything above the watermark.
/// </summary>
public sealed partial class JobEventCopier(StreamContext context, Guid executionId, long jobId)
{
    private bool republishNeeded = true;

    public long JobId => jobId;

    /// <summary>Highest counter with every counter below it stored.</summary>
    public long Watermark { get; private set; }

    /// <summary>Highest counter stored.</summary>
    public long MaxCounter { get; private set; }

    public bool AllStored => Watermark == MaxCounter;

    public async Task<CopyOutcome> CopyAsync(CancellationToken cancellationToken)
    {
        if (republishNeeded)
        {
            await CatchUpWithDatabaseAsync(cancellationToken);
        }

        var inserted = new List<JobEventReceived>();
        var morePending = false;
        var pages = 0;
        var tail = EventQuery(("counter__gt", MaxCounter.ToString(CultureInfo.InvariantCulture)));
        // Three stages overlap: the next page comes from AWX while this one is stored and the one before is published.
        // At most one publish is under way, and pages publish in the order they were stored. The publish starts on the
        // thread pool: serialising a page's messages is synchronous work that would otherwise hold up the next store.
        var publishing = Task.CompletedTask;
        try
        {
            await foreach (var page in context.Awx.ReadEventPagesAsync(jobId, tail, cancellationToken).OneAheadAsync(cancellationToken))
            {
                var stored = await StoreAsync(page, cancellationToken);
                await publishing;
                publishing = Task.Run(() => PublishAsync(stored, cancellationToken), cancellationToken);
                inserted.AddRange(stored);
                if (++pages >= context.Options.MaxPagesPerCycle)
                {
                    morePending = page.Count >= AwxClient.MaxPageSize;
                    break;
                }
            }

            await publishing;
        }
        catch
        {
            // The publish under way ends before the pass gives up; what it missed is published from the database next pass.
            await publishing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        if (!AllStored)
        {
            var missing = await context.Events.FindMissingCountersAsync(executionId, jobId, MaxCounter, AwxClient.MaxPageSize, cancellationToken);
            if (missing.Count > 0)
            {
                await foreach (var page in context.Awx.ReadEventPagesAsync(jobId, EventQuery(("counter__in", string.Join(',', missing))), cancellationToken))
                {
                    var stored = await StoreAsync(page, cancellationToken);
                    await PublishAsync(stored, cancellationToken);
                    inserted.AddRange(stored);
                }
            }
        }

        if (inserted.Count > 0)
        {
            await context.Streams.MarkPublishedAsync(executionId, jobId, Watermark, cancellationToken);
        }

        republishNeeded = false;
        return new CopyOutcome(inserted, morePending);
    }

    public Task<IReadOnlyList<long>> FindMissingCountersAsync(CancellationToken cancellationToken) =>
        AllStored
            ? Task.FromResult<IReadOnlyList<long>>([])
            : context.Events.FindMissingCountersAsync(executionId, jobId, MaxCounter, int.MaxValue, cancellationToken);

    /// <summary>
    /// Once the stats are in, AWX marks task events failed or changed when any of their hosts were; read the parents
    /// again so the stored copy says what AWX says.
    /// </summary>
    public async Task SettleParentOutcomesAsync(CancellationToken cancellationToken)
    {
        var flags = new List<(long Counter, bool Failed, bool Changed)>();
        foreach (var parentEvent in (string[])["playbook_on_play_start", "playbook_on_task_start"])
        {
            await foreach (var page in context.Awx.ReadEventPagesAsync(jobId, EventQuery(("event", parentEvent)), cancellationToken))
            {
                flags.AddRange(page.Select(parent => (parent.Counter, parent.Failed, parent.Changed)));
            }
        }

        await context.Events.UpdateOutcomeFlagsAsync(executionId, jobId, flags, cancellationToken);
    }

    /// <summary>
    /// Reloads the copy's state and publishes what was stored but not confirmed published: on a takeover, and after a
    /// pass that failed between storing and publishing (broker down, connection lost mid-commit). Consumers dedupe.
    /// </summary>
    private async Task CatchUpWithDatabaseAsync(CancellationToken cancellationToken)
    {
        var stream = await context.Streams.GetAsync(executionId, jobId, cancellationToken);
        Watermark = stream.Watermark;
        MaxCounter = stream.MaxCounter;
        var after = stream.PublishedWatermark;
        while (true)
        {
            var batch = await context.Events.ReadAfterAsync(executionId, jobId, after, AwxClient.MaxPageSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await context.Publisher.PublishStoredPageAsync(batch, cancellationToken);
            after = batch[^1].Counter;
        }

        if (after > stream.PublishedWatermark)
        {
            LogRepublished(context.Logger, stream.PublishedWatermark, after);
            await context.Streams.MarkPublishedAsync(executionId, jobId, Watermark, cancellationToken);
        }

        republishNeeded = false;
    }

    /// <summary>
    /// Stores a page and returns the events it inserted. <see cref="republishNeeded"/> stays set until the whole pass
    /// has published, so a pass that fails in between publishes them from the database next time.
    /// </summary>
    private async Task<IReadOnlyList<JobEventReceived>> StoreAsync(IReadOnlyList<AwxJobEvent> page, CancellationToken cancellationToken)
    {
        var receivedAt = context.Clock.GetUtcNow();
        var events = new List<JobEventReceived>(page.Count);
        foreach (var awxEvent in page)
        {
            if (AwxEventMapper.Reject(awxEvent) is { } reason)
            {
                LogEventRejected(context.Logger, reason);
                continue;
            }

            events.Add(AwxEventMapper.ToContract(executionId, jobId, awxEvent, receivedAt));
        }

        if (events.Count == 0)
        {
            return [];
        }

        republishNeeded = true;
        var stored = await context.Events.StoreAsync(executionId, jobId, events, cancellationToken);
        context.Metrics.Stored(stored.Inserted, context.Clock.GetUtcNow());
        Watermark = stored.Watermark;
        MaxCounter = stored.MaxCounter;
        return stored.Inserted;
    }

    private async Task PublishAsync(IReadOnlyList<JobEventReceived> stored, CancellationToken cancellationToken)
    {
        if (stored.Count > 0)
        {
            await context.Publisher.PublishStoredPageAsync(stored, cancellationToken);
        }
    }

    private static Dictionary<string, string> EventQuery((string Name, string Value) filter) => new(StringComparer.Ordinal)
    {
        [filter.Name] = filter.Value,
        ["order_by"] = "counter",
        ["page_size"] = AwxClient.MaxPageSize.ToString(CultureInfo.InvariantCulture),
        ["no_truncate"] = "1",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Republished stored events from counter {From} to {To}")]
    private static partial void LogRepublished(ILogger logger, long from, long to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX event not stored: {Reason}")]
    private static partial void LogEventRejected(ILogger logger, string reason);
}
