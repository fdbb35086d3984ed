using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Messages;
using Fabrik.Executions.Watchdog.Sweeping;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Executions whose stream finished but whose results were never stored within the results timeout: the
/// ExecutionFinished was lost, or the ResultParser gave up on it. It is published again from the stored row, at most
/// once per results timeout; the ResultParser overwrites results as a whole, so a duplicate changes nothing.
/// </summary>
public sealed partial class UnparsedResultsCheck(
    WatchdogQueries queries,
    WatchdogActionLog actions,
    IBus bus,
    WatchdogMetrics metrics,
    IOptions<WatchdogOptions> options,
    ILogger<UnparsedResultsCheck> logger) : IWatchdogCheck
{
    public string Name => "unparsed-results";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.ResultsTimeout;
        foreach (var execution in await queries.ListUnparsedLongerThanAsync(timeout, cancellationToken))
        {
            var times = await actions.TryRecordAsync(execution.Id, WatchdogAction.RepublishFinished, timeout, cancellationToken);
            if (times is null)
            {
                continue;
            }

            await bus.Publish(StoredExecutionMessages.Finished(execution), cancellationToken);
            metrics.ResultsRepublished();
            LogRepublished(logger, execution.Id, execution.Status.ToString(), execution.FinishedAt, times.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Execution {ExecutionId} finished {Status} at {FinishedAt:o} but its results were never parsed; published its ExecutionFinished again (republish {Times})")]
    private static partial void LogRepublished(ILogger logger, Guid executionId, string status, DateTime? finishedAt, int times);
}
