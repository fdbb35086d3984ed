using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows one execution's AWX job while this poller holds its lease: has its events copied, moves the status as AWX
/// reports, keeps progress, and finishes only when the job is terminal, AWX has finished processing its events and
/// every counter is stored, or when a bounded wait for missing counters ran out.
/// </summary>
public sealed partial class ExecutionStream(StreamContext context, ExecutionRecord execution)
{
    // The job's status is read every few cycles while events flow, and every cycle when AWX is quiet.
    private const int CyclesBetweenJobReads = 4;

    private readonly Guid executionId = execution.Id;
    private readonly JobEventCopier copier = new(
        context, execution.Id, execution.AwxJobId ?? throw new ArgumentException("The execution has no AWX job yet.", nameof(execution)));
    private readonly PollPacer pacer = new(context.Options);
    private ExecutionStatus status = execution.Status;
    private ProgressTracker progress = null!;
    private DateTimeOffset lastHeartbeat = DateTimeOffset.MinValue;
    private DateTimeOffset? terminalSince;
    private int cyclesSinceJobRead = int.MaxValue;
    private bool awxRefusing;

    public Guid ExecutionId => executionId;

    private long JobId => copier.JobId;

    /// <summary>Runs until the execution finished, the lease went to another poller, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var scope = context.Logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId, ["AwxJobId"] = JobId });
        var expectedTasks = await context.Executions.FindExpectedTaskCountAsync(execution.TemplateId, stopping);
        progress = new ProgressTracker(expectedTasks, await context.Events.ReadProgressAsync(executionId, JobId, stopping));
        LogStreamStarted(context.Logger);

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
                var cycle = await context.Metrics.MeasureCycleAsync(executionId, () => PollOnceAsync(stopping));
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

    private async Task<CycleOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        AwxJob? job = null;
        if (cyclesSinceJobRead >= CyclesBetweenJobReads || status == ExecutionStatus.Waiting || terminalSince is not null)
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

        var copied = await CopyAsync(cancellationToken);
        var newEvents = copied.Inserted.Count;
        if (newEvents == 0 && job is null)
        {
            // A quiet AWX may have finished the job: look now rather than after several idle cycles.
            job = await ReadJobAsync(cancellationToken);
            if (job is null)
            {
                return await FinishVanishedAsync(cancellationToken);
            }

            cyclesSinceJobRead = 0;
        }

        if (status == ExecutionStatus.Waiting && (newEvents > 0 || (job is not null && AwxStatusMapping.IsRunning(job.Status))))
        {
            await MoveToRunningAsync(cancellationToken);
        }

        if (job is not null && AwxStatusMapping.Terminal(job.Status) is { } terminal)
        {
            terminalSince ??= context.Clock.GetUtcNow();
            var morePending = copied.MorePending;
            if (job.EventProcessingFinished == true)
            {
                // AWX has saved every event by now; copy once more so none saved after this cycle's copy is left behind.
                var lastCopy = await CopyAsync(cancellationToken);
                newEvents += lastCopy.Inserted.Count;
                morePending = lastCopy.MorePending;
            }

            // A backlog longer than one cycle's pages (a takeover after the job ended) is copied before finishing.
            if (morePending)
            {
                return new CycleOutcome(newEvents, MorePending: true, Finished: false);
            }

            if (await TryFinishAsync(job, terminal, cancellationToken))
            {
                return new CycleOutcome(newEvents, MorePending: false, Finished: true);
            }
        }

        return new CycleOutcome(newEvents, copied.MorePending, Finished: false);
    }

    private async Task<CopyOutcome> CopyAsync(CancellationToken cancellationToken)
    {
        var copied = await copier.CopyAsync(cancellationToken);
        if (progress.Observe(copied.Inserted))
        {
            await context.Executions.UpdateProgressAsync(executionId, progress.Percentage, progress.CurrentTask, cancellationToken);
            await PublishProgressAsync(cancellationToken);
        }

        return copied;
    }

    private async Task<AwxJob?> ReadJobAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await context.Awx.GetJobAsync(JobId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<bool> TryFinishAsync(AwxJob job, ExecutionStatus terminal, CancellationToken cancellationToken)
    {
        var waitedOut = context.Clock.GetUtcNow() - terminalSince >= TimeSpan.FromSeconds(context.Options.MissingEventsWaitSeconds);
        if (!(job.EventProcessingFinished == true && copier.AllStored) && !waitedOut)
        {
            return false;
        }

        var missing = await copier.FindMissingCountersAsync(cancellationToken);
        if (missing.Count > 0 || job.EventProcessingFinished != true)
        {
            LogIncomplete(context.Logger, job.EventProcessingFinished == true, missing.Count, copier.MaxCounter);
        }

        await copier.SettleParentOutcomesAsync(cancellationToken);
        var explanation = string.IsNullOrWhiteSpace(job.JobExplanation) ? null : job.JobExplanation;
        var finished = await context.Executions.FinishAsync(
            executionId, terminal, explanation, copier.MaxCounter, missing, progress.TaskStarts, cancellationToken);
        await context.Streams.MarkFinishedAsync(executionId, JobId, copier.MaxCounter, cancellationToken);
        if (finished is not null)
        {
            await PublishStatusChangedAsync(finished, explanation, cancellationToken);
            await PublishFinishedAsync(terminal, missing, job.Finished ?? context.Clock.GetUtcNow(), cancellationToken);
            if (progress.Percentage == 100)
            {
                await PublishProgressAsync(cancellationToken);
            }
        }

        LogStreamFinished(context.Logger, terminal, copier.MaxCounter, missing.Count == 0);
        context.Metrics.Finished(terminal, missing.Count == 0);
        return true;
    }

    private async Task<CycleOutcome> FinishVanishedAsync(CancellationToken cancellationToken)
    {
        var explanation = $"AWX job {JobId} no longer exists (404); its remaining output cannot be copied.";
        var missing = await copier.FindMissingCountersAsync(cancellationToken);
        var finished = await context.Executions.FinishAsync(
            executionId, ExecutionStatus.Error, explanation, copier.MaxCounter, missing, progress.TaskStarts, cancellationToken);
        if (finished is not null)
        {
            await PublishStatusChangedAsync(finished, explanation, cancellationToken);
            await PublishFinishedAsync(ExecutionStatus.Error, missing, context.Clock.GetUtcNow(), cancellationToken);
        }

        LogVanished(context.Logger);
        context.Metrics.Finished(ExecutionStatus.Error, missing.Count == 0);
        return new CycleOutcome(0, MorePending: false, Finished: true);
    }

    private async Task MoveToRunningAsync(CancellationToken cancellationToken)
    {
        var transition = await context.Executions.TransitionAsync(executionId, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, cancellationToken);
        if (transition is not null)
        {
            await PublishStatusChangedAsync(transition, null, cancellationToken);
            return;
        }

        status = (await context.Executions.FindAsync(executionId, cancellationToken))?.Status ?? status;
    }

    private Task PublishStatusChangedAsync(StatusTransition transition, string? explanation, CancellationToken cancellationToken)
    {
        status = transition.Current;
        return context.Publisher.PublishAsync(transition.ToMessage(explanation), cancellationToken);
    }

    private Task PublishFinishedAsync(
        ExecutionStatus terminal, IReadOnlyList<long> missing, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        context.Publisher.PublishAsync(new ExecutionFinished
        {
            ExecutionId = executionId,
            AwxJobId = JobId,
            Status = terminal,
            FinalCounter = copier.MaxCounter,
            Complete = missing.Count == 0,
            MissingCounters = missing,
            FinishedAt = finishedAt,
        }, cancellationToken);

    private Task PublishProgressAsync(CancellationToken cancellationToken) =>
        context.Publisher.PublishAsync(new ExecutionProgressed
        {
            ExecutionId = executionId,
            ProgressPercentage = progress.Percentage,
            CurrentTask = progress.CurrentTask,
            Watermark = copier.Watermark,
        }, cancellationToken);

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
            await context.Keepalive.TouchAsync(executionId, copier.Watermark);
            var now = context.Clock.GetUtcNow();
            if (now - lastHeartbeat >= TimeSpan.FromSeconds(context.Options.HeartbeatSeconds))
            {
                lastHeartbeat = now;
                await context.Publisher.PublishAsync(new StreamHeartbeat { ExecutionId = executionId, Watermark = copier.Watermark, SentAt = now }, cancellationToken);
                context.Metrics.HeartbeatSent();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTouchFailed(context.Logger, exception);
        }
    }

    private readonly record struct CycleOutcome(int NewEvents, bool MorePending, bool Finished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming from the stored watermark")]
    private static partial void LogStreamStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease taken over by another poller; stopping this stream")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll cycle failed ({ExceptionType}); next attempt in {PauseMilliseconds} ms")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, string exceptionType, double pauseMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Finishing incomplete (event processing finished: {ProcessingFinished}); {MissingCount} of {FinalCounter} counters never became visible")]
    private static partial void LogIncomplete(ILogger logger, bool processingFinished, int missingCount, long finalCounter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream finished: {Status}, final counter {FinalCounter}, complete {Complete}")]
    private static partial void LogStreamFinished(ILogger logger, ExecutionStatus status, long finalCounter, bool complete);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX job vanished (404); execution set to error")]
    private static partial void LogVanished(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable while renewing the lease; streaming on")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keepalive, heartbeat or explanation failed")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception);
}
