using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows an execution's one AWX job: has its events copied, moves the status as AWX reports, keeps progress, and
/// finishes only when the job is terminal, AWX has finished processing its events and every counter is stored, or
/// when a bounded wait for missing counters ran out.
/// </summary>
public sealed partial class JobFollower(StreamContext context, ExecutionRecord execution) : IExecutionFollower
{
    // The job's status is read every few cycles while events flow, and every cycle when AWX is quiet.
    private const int CyclesBetweenJobReads = 4;

    private readonly Guid executionId = execution.Id;
    private readonly JobEventCopier copier = new(
        context, execution.Id, execution.AwxJobId ?? throw new ArgumentException("The execution has no AWX job yet.", nameof(execution)));
    private readonly ExecutionLifecycle lifecycle = new(context, execution);
    private ProgressTracker progress = null!;
    private DateTimeOffset? terminalSince;
    private int cyclesSinceJobRead = int.MaxValue;

    public long JobId => copier.JobId;

    public long Watermark => copier.Watermark;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var expectedTasks = await context.Executions.FindExpectedTaskCountAsync(execution.TemplateId, cancellationToken);
        progress = new ProgressTracker(expectedTasks, await context.Events.ReadProgressAsync(executionId, JobId, cancellationToken));
    }

    public async Task<CycleOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        AwxJob? job = null;
        if (cyclesSinceJobRead >= CyclesBetweenJobReads || lifecycle.Status == ExecutionStatus.Waiting || terminalSince is not null)
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

        if (lifecycle.Status == ExecutionStatus.Waiting && (newEvents > 0 || (job is not null && AwxStatusMapping.IsRunning(job.Status))))
        {
            await lifecycle.MoveToRunningAsync(cancellationToken);
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

        var processingFinished = job.EventProcessingFinished == true;
        var missing = await copier.FindMissingCountersAsync(cancellationToken);
        if (missing.Count > 0 || !processingFinished)
        {
            LogIncomplete(context.Logger, processingFinished, missing.Count, copier.MaxCounter);
        }

        await copier.SettleParentOutcomesAsync(cancellationToken);
        var explanation = string.IsNullOrWhiteSpace(job.JobExplanation) ? null : job.JobExplanation;
        var outcome = Finished(terminal, missing, processingFinished, job.Finished ?? context.Clock.GetUtcNow());
        var finished = await lifecycle.FinishAsync(outcome, explanation, progress.TaskStarts, cancellationToken);
        // The finish is stored: the stream's own mark follows it whatever cancels the stream, as its announcement does.
        await context.Streams.MarkFinishedAsync(executionId, JobId, copier.MaxCounter, CancellationToken.None);
        if (finished && progress.Percentage == 100)
        {
            await PublishProgressAsync(cancellationToken);
        }

        LogStreamFinished(context.Logger, terminal, copier.MaxCounter, outcome.Complete);
        return true;
    }

    private async Task<CycleOutcome> FinishVanishedAsync(CancellationToken cancellationToken)
    {
        var explanation = $"AWX job {JobId} no longer exists (404); its remaining output cannot be copied.";
        var missing = await copier.FindMissingCountersAsync(cancellationToken);
        await lifecycle.FinishAsync(
            Finished(ExecutionStatus.Error, missing, processingFinished: false, context.Clock.GetUtcNow()), explanation, progress.TaskStarts, cancellationToken);
        LogVanished(context.Logger);
        return new CycleOutcome(0, MorePending: false, Finished: true);
    }

    /// <summary>
    /// Complete only when every counter is stored and AWX confirmed it saved them all: without that confirmation an
    /// event AWX saves after the wait ran out is missing from the copy though no gap shows.
    /// </summary>
    private ExecutionFinished Finished(ExecutionStatus terminal, IReadOnlyList<long> missing, bool processingFinished, DateTimeOffset finishedAt) => new()
    {
        ExecutionId = executionId,
        AwxJobId = JobId,
        Status = terminal,
        FinalCounter = copier.MaxCounter,
        Complete = processingFinished && missing.Count == 0,
        MissingCounters = missing,
        FinishedAt = finishedAt,
    };

    private Task PublishProgressAsync(CancellationToken cancellationToken) =>
        context.Publisher.PublishAsync(new ExecutionProgressed
        {
            ExecutionId = executionId,
            ProgressPercentage = progress.Percentage,
            CurrentTask = progress.CurrentTask,
            Watermark = copier.Watermark,
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Finishing incomplete (event processing finished: {ProcessingFinished}); {MissingCount} of {FinalCounter} counters never became visible")]
    private static partial void LogIncomplete(ILogger logger, bool processingFinished, int missingCount, long finalCounter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream finished: {Status}, final counter {FinalCounter}, complete {Complete}")]
    private static partial void LogStreamFinished(ILogger logger, ExecutionStatus status, long finalCounter, bool complete);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX job vanished (404); execution set to error")]
    private static partial void LogVanished(ILogger logger);
}
