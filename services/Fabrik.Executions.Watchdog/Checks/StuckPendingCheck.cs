using System.Globalization;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Messages;
using Fabrik.Executions.Watchdog.Sweeping;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Executions pending for longer than the pending timeout. Never claimed by the Launcher (its LaunchExecution was
/// lost, or the Launcher stopped before claiming): the command is sent again, and the Launcher, which finds the
/// execution by its request id and claims the launch once, launches it. Claimed but never recorded as launched: the
/// Launcher stopped mid-launch and nobody knows whether AWX created a job, so it cannot be launched again safely and
/// ends in error, telling the operator where to look.
/// </summary>
public sealed partial class StuckPendingCheck(
    WatchdogQueries queries,
    ExecutionRepository executions,
    WatchdogActionLog actions,
    IBus bus,
    WatchdogMetrics metrics,
    IOptions<WatchdogOptions> options,
    ILogger<StuckPendingCheck> logger) : IWatchdogCheck
{
    public string Name => "stuck-pending";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var execution in await queries.ListPendingLongerThanAsync(options.Value.PendingTimeout, cancellationToken))
        {
            if (execution.LaunchAttemptedAt is { } attemptedAt)
            {
                await GiveUpAsync(execution, attemptedAt, cancellationToken);
            }
            else if (execution.RelaunchOf is null)
            {
                // A relaunch shares its request id with the original, so a LaunchExecution would only find the original.
                await ResendAsync(execution, cancellationToken);
            }
        }
    }

    private async Task ResendAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var times = await actions.TryRecordAsync(execution.Id, WatchdogAction.ResendLaunch, options.Value.PendingTimeout, cancellationToken);
        if (times is null)
        {
            return;
        }

        await bus.Publish(StoredExecutionMessages.Launch(execution), cancellationToken);
        metrics.LaunchResent();
        LogResent(logger, execution.Id, execution.CreatedAt, times.Value);
    }

    private async Task GiveUpAsync(ExecutionRecord execution, DateTime attemptedAt, CancellationToken cancellationToken)
    {
        var template = $"{(execution.TemplateKind == TemplateKind.Workflow ? "workflow job template" : "job template")} {execution.TemplateId}";
        var attempted = attemptedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var explanation =
            $"The launch of {template} \"{execution.TemplateName}\" was attempted at {attempted} UTC but its outcome was never recorded, "
            + $"so AWX may or may not have created a job. Check AWX's jobs of {template} started around that time before launching again.";
        var failed = await executions.TransitionAsync(execution.Id, [ExecutionStatus.Pending], ExecutionStatus.Error, explanation, cancellationToken);
        if (failed is null)
        {
            return;
        }

        await bus.Publish(failed.ToMessage(explanation), cancellationToken);
        metrics.LaunchOutcomeUnknown();
        LogGaveUp(logger, execution.Id, execution.TemplateId, attemptedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Execution {ExecutionId}, created {CreatedAt:o}, never reached the Launcher; sent its LaunchExecution again (resend {Times})")]
    private static partial void LogResent(ILogger logger, Guid executionId, DateTime createdAt, int times);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Execution {ExecutionId} set to error: the launch of template {TemplateId} attempted at {AttemptedAt:o} "
                  + "never recorded an AWX job; check AWX for a job of that template")]
    private static partial void LogGaveUp(ILogger logger, Guid executionId, int templateId, DateTime attemptedAt);
}
