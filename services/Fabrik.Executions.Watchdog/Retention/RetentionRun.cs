using Fabrik.Executions.Storage;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>
/// Applies the retention policy once: lists the expired executions and, unless it is a dry run, deletes them chain by
/// chain. A dry run logs every execution it lists; a real run deletes exactly what a dry run at the same moment lists,
/// except a chain an operator relaunched from in between, which it keeps.
/// </summary>
public sealed partial class RetentionRun(
    RetentionQueries queries, RetentionMetrics metrics, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionRun> logger)
{
    public async Task<RetentionReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var policy = settings.PolicyAt(time.GetUtcNow());
        var expired = await queries.ListExpiredAsync(policy, cancellationToken);
        if (dryRun)
        {
            foreach (var execution in expired)
            {
                LogWouldDelete(logger, execution.Id, execution.ChainId, execution.TemplateId, execution.TemplateName, execution.Status.ToString(), execution.FinishedAt);
            }

            metrics.Executions("listed", expired.Count);
            LogDryRun(logger, expired.Count, policy.FinishedBefore);
            return new RetentionReport(true, expired, 0);
        }

        var deleted = new List<ExpiredExecution>();
        long events = 0;
        foreach (var chain in expired.GroupBy(execution => execution.ChainId))
        {
            var chainEvents = await queries.DeleteChainAsync(chain.Select(execution => execution.Id).ToList(), settings.EventBatchSize, settings.BatchPause, cancellationToken);
            if (chainEvents is null)
            {
                LogChainKept(logger, chain.Key);
                continue;
            }

            deleted.AddRange(chain);
            events += chainEvents.Value;
            metrics.Executions("deleted", chain.Count());
            metrics.EventsDeleted(chainEvents.Value);
        }

        LogDeleted(logger, deleted.Count, events, policy.FinishedBefore);
        return new RetentionReport(false, deleted, events);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention dry run: would delete execution {ExecutionId} (chain {ChainId}, template {TemplateId} \"{TemplateName}\", {Status}, finished {FinishedAt:o})")]
    private static partial void LogWouldDelete(ILogger logger, Guid executionId, Guid chainId, int templateId, string templateName, string status, DateTime? finishedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention dry run: {Count} executions finished before {FinishedBefore:o} would be deleted")]
    private static partial void LogDryRun(ILogger logger, int count, DateTimeOffset finishedBefore);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Count} executions finished before {FinishedBefore:o} with {Events} output events")]
    private static partial void LogDeleted(ILogger logger, int count, long events, DateTimeOffset finishedBefore);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Retention kept the relaunch chain of {ChainId}: one of its executions was relaunched after the chain was listed")]
    private static partial void LogChainKept(ILogger logger, Guid chainId);
}
