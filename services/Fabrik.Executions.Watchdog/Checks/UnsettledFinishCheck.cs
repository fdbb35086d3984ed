using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Messages;
using Fabrik.Executions.Watchdog.Sweeping;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Executions whose stream finished but whose finish was not followed up within the results timeout: results never
/// stored, or a workflow's ephemeral clone still in AWX. The ExecutionFinished was lost, or its consumer (ResultParser,
/// Launcher) gave up on it. It is published again from the stored row, at most once per results timeout; both consumers
/// are idempotent, so the one that already did its part changes nothing.
/// </summary>
public sealed partial class UnsettledFinishCheck(
    WatchdogQueries queries,
    WatchdogActionLog actions,
    IBus bus,
    WatchdogMetrics metrics,
    IOptions<WatchdogOptions> options,
    ILogger<UnsettledFinishCheck> logger) : IWatchdogCheck
{
    public string Name => "unsettled-finish";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.ResultsTimeout;
        foreach (var execution in await queries.ListUnsettledFinishesLongerThanAsync(timeout, cancellationToken))
        {
            var times = await actions.TryRecordAsync(execution.Id, WatchdogAction.RepublishFinished, timeout, cancellationToken);
            if (times is null)
            {
                continue;
            }

            await bus.Publish(StoredExecutionMessages.Finished(execution), cancellationToken);
            metrics.FinishRepublished();
            LogRepublished(logger, execution.Id, execution.Status.ToString(), execution.FinishedAt, Unsettled(execution), times.Value);
        }
    }

    private static string Unsettled(ExecutionRecord execution) =>
        (execution.ResultsSource is null, execution is { AwxWorkflowCloneId: not null, CloneRemovedAt: null }) switch
        {
            (true, true) => "its results were never parsed and its workflow clone is still in AWX",
            (true, false) => "its results were never parsed",
            _ => $"its workflow clone {execution.AwxWorkflowCloneId} is still in AWX",
        };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Execution {ExecutionId} finished {Status} at {FinishedAt:o} but {Unsettled}; published its ExecutionFinished again (republish {Times})")]
    private static partial void LogRepublished(ILogger logger, Guid executionId, string status, DateTime? finishedAt, string unsettled, int times);
}
