using System.Globalization;
using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using MassTransit;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows one execution's AWX job while this poller holds its lease: copies every event into PostgreSQL exactly
/// once, publishes what it stored, moves the status as AWX reports, and finishes only when the job is terminal, AWX
/// has finished processing its events and every counter is stored (or a bounded wait for missing ones ran out).
/// </summary>
public sealed partial class ExecutionStream(StreamContext context, ExecutionRecord execution)
{
    private const int GapQueryLimit = AwxClient.MaxPageSize;

    // A broker that is down makes publishing wait; give up after this and republish from the database later.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);

    private readonly Guid executionId = execution.Id;
    private readonly long jobId = execution.AwxJobId ?? throw new ArgumentException("The execution has no AWX job yet.", nameof(execution));
    private readonly PollPacer pacer = new(context.Options);
    private ExecutionStatus status = execution.Status;
    private long watermark;
    private long maxCounter;
    private ProgressTracker progress = null!;
    private DateTimeOffset lastHeartbeat = DateTimeOffset.MinValue;
    private DateTimeOffset? terminalSince;
    private int cyclesSinceJobRead = int.MaxValue;
    private bool republishNeeded;
    private bool awxRefusing;

    public Guid ExecutionId => executionId;

    /// <summary>Runs until the execution finished, the lease went to another poller, or the poller stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var scope = context.Logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId, ["AwxJobId"] = jobId });
        await ResumeAsync(stopping);
        LogStreamStarted(context.Logger, watermark);

        while (!stopping.IsCancellationRequested)
        {
            if (!await StillHoldsLeaseAsync())
            {
                LogLeaseLost(context.Logger);
                return;
            }

            TimeSpan pause;
            try
            {
                var cycle = await PollOnceAsync(stopping);
                if (cycle.Finished)
                {
                    await context.Keepalive.ForgetAsync(executionId);
                    await context.Leases.ReleaseAsync(executionId);
                    return;
                }

                pause = pacer.AfterCycle(cycle.NewEvents, cycle.MorePending);
                await ExplainRefusalAsync(null, stopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                pause = pacer.AfterFailure();
                LogCycleFailed(context.Logger, exception, exception.GetType().Name, pause.TotalMilliseconds);
                if (exception is ApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } refused)
                {
                    await ExplainRefusalAsync(refused, stopping);
                }
            }

            await TouchAsync(stopping);
            await Task.Delay(pause, context.Clock, stopping);
        }
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var expectedTasks = await context.Executions.FindExpectedTaskCountAsync(execution.TemplateId, cancellationToken);
        progress = new ProgressTracker(expectedTasks, await context.Events.ReadProgressAsync(executionId, jobId, cancellationToken));
        await CatchUpWithDatabaseAsync(cancellationToken);
    }

    /// <summary>
    /// Reloads the stream's state and publishes what was stored but not confirmed published: after a takeover, or
    /// after a cycle that failed between storing and publishing (broker down, database connection lost mid-commit).
    /// </summary>
    private async Task CatchUpWithDatabaseAsync(CancellationToken cancellationToken)
    {
        var stream = await context.Streams.GetAsync(executionId, jobId, cancellationToken);
        watermark = stream.Watermark;
        maxCounter = stream.MaxCounter;
        await RepublishUnconfirmedAsync(stream.PublishedWatermark, cancellationToken);
        republishNeeded = false;
    }

    /// <summary>
    /// A poller that died between storing and publishing left events above the published watermark: publish them
    /// again (consumers dedupe by counter) before anything new.
    /// </summary>
    private async Task RepublishUnconfirmedAsync(long publishedWatermark, CancellationToken cancellationToken)
    {
        var after = publishedWatermark;
        while (true)
        {
            var batch = await context.Events.ReadAfterAsync(executionId, jobId, after, AwxClient.MaxPageSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await PublishBatchAsync(batch, cancellationToken);
            after = batch[^1].Counter;
        }

        if (after > publishedWatermark)
        {
            LogRepublished(context.Logger, publishedWatermark, after);
            await context.Streams.MarkPublishedAsync(executionId, jobId, watermark, cancellationToken);
        }
    }

    private async Task<CycleOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (republishNeeded)
        {
            await CatchUpWithDatabaseAsync(cancellationToken);
        }

        AwxJob? job = null;
        if (cyclesSinceJobRead >= 4 || status == ExecutionStatus.Waiting || terminalSince is not null)
        {
            job = await ReadJobAsync(cancellationToken);
            if (job is null)
            {
                return await FinishVanishedAsync(cancellationToken);
            }

            cyclesSinceJobRead = 0;
        }
        else
        {
            cyclesSinceJobRead++;
        }

        var (newEvents, morePending) = await CopyNewEventsAsync(cancellationToken);
        newEvents += await FillGapsAsync(cancellationToken);

        if (newEvents == 0 && job is null)
        {
            // A quiet AWX may have finished the job: look now rather than after four idle cycles.
            job = await ReadJobAsync(cancellationToken);
            if (job is null)
            {
                return await FinishVanishedAsync(cancellationToken);
            }

            cyclesSinceJobRead = 0;
        }

        if (status == ExecutionStatus.Waiting && (newEvents > 0 || (job is not null && AwxStatusMapping.IsRunning(job.Status))))
        {
            await MoveAsync([ExecutionStatus.Waiting], ExecutionStatus.Running, explanation: null, cancellationToken);
        }

        if (job is not null && AwxStatusMapping.Terminal(job.Status) is { } terminal)
        {
            terminalSince ??= context.Clock.GetUtcNow();
            if (job.EventProcessingFinished == true)
            {
                // AWX has saved every event by now; copy once more so none saved after this cycle's copy is left behind.
                var (lateEvents, _) = await CopyNewEventsAsync(cancellationToken);
                newEvents += lateEvents + await FillGapsAsync(cancellationToken);
            }

            if (await TryFinishAsync(job, terminal, cancellationToken))
            {
                return new CycleOutcome(newEvents, MorePending: false, Finished: true);
            }
        }

        return new CycleOutcome(newEvents, morePending, Finished: false);
    }

    private async Task<AwxJob?> ReadJobAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await context.Awx.GetJobAsync(jobId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Copies events above the highest stored counter, page by page, following AWX's <c>next</c>.</summary>
    private async Task<(int NewEvents, bool MorePending)> CopyNewEventsAsync(CancellationToken cancellationToken)
    {
        var newEvents = 0;
        var pages = 0;
        var query = EventQuery(("counter__gt", maxCounter.ToString(CultureInfo.InvariantCulture)));
        await foreach (var page in context.Awx.ReadEventPagesAsync(jobId, query, cancellationToken))
        {
            newEvents += await StoreAndPublishAsync(page, cancellationToken);
            if (++pages >= context.Options.MaxPagesPerCycle)
            {
                return (newEvents, MorePending: page.Count >= AwxClient.MaxPageSize);
            }
        }

        return (newEvents, MorePending: false);
    }

    /// <summary>
    /// AWX makes events visible late and out of order: ask for exactly the counters missing below the highest stored
    /// one, instead of re-reading everything above the watermark each cycle.
    /// </summary>
    private async Task<int> FillGapsAsync(CancellationToken cancellationToken)
    {
        if (watermark >= maxCounter)
        {
            return 0;
        }

        var missing = await context.Events.FindMissingCountersAsync(executionId, jobId, maxCounter, GapQueryLimit, cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }

        var query = EventQuery(("counter__in", string.Join(',', missing)));
        var newEvents = 0;
        await foreach (var page in context.Awx.ReadEventPagesAsync(jobId, query, cancellationToken))
        {
            newEvents += await StoreAndPublishAsync(page, cancellationToken);
        }

        return newEvents;
    }

    private async Task<int> StoreAndPublishAsync(IReadOnlyList<AwxJobEvent> page, CancellationToken cancellationToken)
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
            return 0;
        }

        republishNeeded = true;
        var stored = await context.Events.StoreAsync(executionId, jobId, events, cancellationToken);
        watermark = stored.Watermark;
        maxCounter = stored.MaxCounter;
        if (stored.Inserted.Count > 0)
        {
            await PublishBatchAsync(stored.Inserted, cancellationToken);
            await context.Streams.MarkPublishedAsync(executionId, jobId, watermark, cancellationToken);
        }

        republishNeeded = false;
        if (stored.Inserted.Count == 0)
        {
            return 0;
        }

        if (progress.Observe(stored.Inserted))
        {
            await context.Executions.UpdateProgressAsync(executionId, progress.Percentage, progress.CurrentTask, cancellationToken);
            await PublishAsync(new ExecutionProgressed
            {
                ExecutionId = executionId,
                ProgressPercentage = progress.Percentage,
                CurrentTask = progress.CurrentTask,
                Watermark = watermark,
            }, cancellationToken);
        }

        return stored.Inserted.Count;
    }

    private async Task<bool> TryFinishAsync(AwxJob job, ExecutionStatus terminal, CancellationToken cancellationToken)
    {
        var allStored = watermark == maxCounter;
        var waitedOut = context.Clock.GetUtcNow() - terminalSince >= TimeSpan.FromSeconds(context.Options.MissingEventsWaitSeconds);
        if (!(job.EventProcessingFinished == true && allStored) && !waitedOut)
        {
            return false;
        }

        var missing = allStored
            ? []
            : await context.Events.FindMissingCountersAsync(executionId, jobId, maxCounter, int.MaxValue, cancellationToken);
        if (missing.Count > 0 || job.EventProcessingFinished != true)
        {
            LogIncomplete(context.Logger, job.EventProcessingFinished == true, missing.Count, maxCounter);
        }

        await SettleParentOutcomesAsync(cancellationToken);
        var explanation = string.IsNullOrWhiteSpace(job.JobExplanation) ? null : job.JobExplanation;
        var finished = await context.Executions.FinishAsync(
            executionId, terminal, explanation, maxCounter, missing, progress.TaskStarts, cancellationToken);
        await context.Streams.MarkFinishedAsync(executionId, jobId, maxCounter, cancellationToken);
        if (finished is not null)
        {
            await PublishStatusChangedAsync(finished, explanation, cancellationToken);
            await PublishAsync(new ExecutionFinished
            {
                ExecutionId = executionId,
                AwxJobId = jobId,
                Status = terminal,
                FinalCounter = maxCounter,
                Complete = missing.Count == 0,
                MissingCounters = missing,
                FinishedAt = job.Finished ?? context.Clock.GetUtcNow(),
            }, cancellationToken);
            if (progress.Percentage == 100)
            {
                await PublishAsync(new ExecutionProgressed
                {
                    ExecutionId = executionId, ProgressPercentage = 100, CurrentTask = progress.CurrentTask, Watermark = watermark,
                }, cancellationToken);
            }
        }

        LogStreamFinished(context.Logger, terminal, maxCounter, missing.Count == 0);
        return true;
    }

    /// <summary>
    /// Once the stats are in, AWX marks play and task events failed or changed when any of their hosts were; read those
    /// parents again so the stored copy says what AWX says.
    /// </summary>
    private async Task SettleParentOutcomesAsync(CancellationToken cancellationToken)
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

    private async Task<CycleOutcome> FinishVanishedAsync(CancellationToken cancellationToken)
    {
        var explanation = $"AWX job {jobId} no longer exists (404); its remaining output cannot be copied.";
        var missing = await context.Events.FindMissingCountersAsync(executionId, jobId, maxCounter, int.MaxValue, cancellationToken);
        var finished = await context.Executions.FinishAsync(
            executionId, ExecutionStatus.Error, explanation, maxCounter, missing, progress.TaskStarts, cancellationToken);
        if (finished is not null)
        {
            await PublishStatusChangedAsync(finished, explanation, cancellationToken);
        }

        LogVanished(context.Logger);
        return new CycleOutcome(0, MorePending: false, Finished: true);
    }

    private async Task MoveAsync(ExecutionStatus[] from, ExecutionStatus to, string? explanation, CancellationToken cancellationToken)
    {
        var transition = await context.Executions.TransitionAsync(executionId, from, to, explanation, cancellationToken);
        status = transition?.Current ?? (await context.Executions.FindAsync(executionId, cancellationToken))?.Status ?? status;
        if (transition is not null)
        {
            await PublishStatusChangedAsync(transition, explanation, cancellationToken);
        }
    }

    private Task PublishStatusChangedAsync(StatusTransition transition, string? explanation, CancellationToken cancellationToken)
    {
        status = transition.Current;
        return PublishAsync(new ExecutionStatusChanged
        {
            ExecutionId = executionId,
            Status = transition.Current,
            PreviousStatus = transition.Previous,
            Explanation = explanation,
            AwxJobId = jobId,
            ChangedAt = new DateTimeOffset(DateTime.SpecifyKind(transition.ChangedAt, DateTimeKind.Utc)),
        }, cancellationToken);
    }

    /// <summary>
    /// A refused token stops the copy until someone fixes it: say so on the execution, where operators look, and
    /// clear it once AWX answers again.
    /// </summary>
    private async Task ExplainRefusalAsync(ApiException? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null && !awxRefusing)
        {
            return;
        }

        try
        {
            var explanation = refusal is null ? null : $"{AwxErrorText.Describe(refusal)} Output copying resumes once AWX accepts the token.";
            await context.Executions.ExplainAsync(executionId, explanation, cancellationToken);
            awxRefusing = refusal is not null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTouchFailed(context.Logger, exception);
        }
    }

    private async Task<bool> StillHoldsLeaseAsync()
    {
        try
        {
            return await context.Leases.RenewAsync(executionId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // Without Redis nobody can take a lease, so the holder keeps going; the database keeps the copy exact.
            LogRedisUnavailable(context.Logger, exception);
            return true;
        }
    }

    private async Task TouchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await context.Keepalive.TouchAsync(executionId, watermark);
            var now = context.Clock.GetUtcNow();
            if (now - lastHeartbeat >= TimeSpan.FromSeconds(context.Options.HeartbeatSeconds))
            {
                lastHeartbeat = now;
                await PublishAsync(new StreamHeartbeat { ExecutionId = executionId, Watermark = watermark, SentAt = now }, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTouchFailed(context.Logger, exception);
        }
    }

    private async Task PublishAsync<T>(T message, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await context.Bus.Publish(message, timeout.Token);
    }

    private async Task PublishBatchAsync(IReadOnlyList<JobEventReceived> events, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await context.Bus.PublishBatch(events, timeout.Token);
    }

    private static Dictionary<string, string> EventQuery((string Name, string Value) filter) => new(StringComparer.Ordinal)
    {
        [filter.Name] = filter.Value,
        ["order_by"] = "counter",
        ["page_size"] = AwxClient.MaxPageSize.ToString(CultureInfo.InvariantCulture),
        ["no_truncate"] = "1",
    };

    private readonly record struct CycleOutcome(int NewEvents, bool MorePending, bool Finished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming from stored watermark {Watermark}")]
    private static partial void LogStreamStarted(ILogger logger, long watermark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease taken over by another poller; stopping this stream")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll cycle failed ({ExceptionType}); next attempt in {PauseMilliseconds} ms")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, string exceptionType, double pauseMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Republished stored events from counter {From} to {To}")]
    private static partial void LogRepublished(ILogger logger, long from, long to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX event not stored: {Reason}")]
    private static partial void LogEventRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Finishing incomplete (event processing finished: {ProcessingFinished}); {MissingCount} of {FinalCounter} counters never became visible")]
    private static partial void LogIncomplete(ILogger logger, bool processingFinished, int missingCount, long finalCounter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream finished: {Status}, final counter {FinalCounter}, complete {Complete}")]
    private static partial void LogStreamFinished(ILogger logger, ExecutionStatus status, long finalCounter, bool complete);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX job vanished (404); execution set to error")]
    private static partial void LogVanished(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable while renewing the lease; streaming on")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keepalive or heartbeat failed")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception);
}
