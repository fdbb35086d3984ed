using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Ends an execution whose AWX job was deleted while no poller held it, the way a poller ends one it sees vanish:
/// in <c>error</c>, with the counters stored so far recorded and the missing ones listed, and never complete: AWX can
/// no longer confirm it saved every event. It publishes the status change and <see cref="ExecutionFinished"/>, so results
/// are parsed and browsers see the end at once.
/// </summary>
public sealed partial class VanishedJobs(
    ExecutionRepository executions,
    JobStreamRepository streams,
    JobEventStore events,
    IBus bus,
    WatchdogMetrics metrics,
    ILogger<VanishedJobs> logger)
{
    public async Task FinishAsync(ActiveStream stream, CancellationToken cancellationToken)
    {
        var (executionId, jobId) = (stream.ExecutionId, stream.AwxJobId);
        var explanation = $"AWX job {jobId} no longer exists (404); its remaining output cannot be copied.";
        var stored = await streams.GetAsync(executionId, jobId, cancellationToken);
        var missing = await events.FindMissingCountersAsync(executionId, jobId, stored.MaxCounter, int.MaxValue, cancellationToken);
        var progress = await events.ReadProgressAsync(executionId, jobId, cancellationToken);
        var finished = await executions.FinishAsync(
            executionId, ExecutionStatus.Error, explanation, stored.MaxCounter, missing, complete: false, progress.TaskStarts, cancellationToken);
        if (finished is null)
        {
            return;
        }

        await bus.Publish(finished.ToMessage(explanation), cancellationToken);
        await bus.Publish(
            new ExecutionFinished
            {
                ExecutionId = executionId,
                AwxJobId = jobId,
                Status = ExecutionStatus.Error,
                FinalCounter = stored.MaxCounter,
                Complete = false,
                MissingCounters = missing,
                FinishedAt = DatabaseTime.AsUtc(finished.ChangedAt),
            },
            cancellationToken);
        metrics.JobVanished();
        LogVanished(logger, executionId, jobId, stored.MaxCounter, missing.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Execution {ExecutionId} set to error: AWX job {AwxJobId} no longer exists (404); {MissingCount} of its first {StoredUpTo} counters were never stored")]
    private static partial void LogVanished(ILogger logger, Guid executionId, long awxJobId, long storedUpTo, int missingCount);
}
