using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Sweeping;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>
/// Executions launched longer ago than the launch grace that no poller follows. A held lease means a poller is on
/// it, and a poller sees for itself when AWX deletes the job. Without a lease AWX is asked whether the job still
/// exists: a deleted job ends the execution in error. Without a fresh keepalive either, nobody has copied the output
/// for a while: the pollers are asked to resume it from the stored watermark.
/// </summary>
public sealed partial class StalledStreamCheck(
    WatchdogQueries queries,
    StreamLivenessReader liveness,
    AwxJobProbe awxJobs,
    VanishedJobs vanishedJobs,
    WatchdogActionLog actions,
    IBus bus,
    WatchdogMetrics metrics,
    IOptions<WatchdogOptions> options,
    ILogger<StalledStreamCheck> logger) : IWatchdogCheck
{
    public string Name => "stalled-streams";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One refusal or timeout is enough to know for this sweep; asking again per execution would only wait longer.
        var askAwx = true;
        foreach (var stream in await queries.ListLaunchedLongerThanAsync(options.Value.LaunchGrace, cancellationToken))
        {
            var state = await liveness.ReadAsync(stream.ExecutionId);
            if (state.Leased)
            {
                continue;
            }

            // The AWX client reads job templates' jobs; workflow jobs live elsewhere in AWX's API.
            if (askAwx && stream.Kind == TemplateKind.Job)
            {
                var presence = await awxJobs.CheckAsync(stream.AwxJobId, cancellationToken);
                if (presence == AwxJobPresence.Vanished)
                {
                    await vanishedJobs.FinishAsync(stream, cancellationToken);
                    continue;
                }

                askAwx = presence == AwxJobPresence.Exists;
            }

            if (!state.Alive)
            {
                await ResumeAsync(stream, cancellationToken);
            }
        }
    }

    private async Task ResumeAsync(ActiveStream stream, CancellationToken cancellationToken)
    {
        var times = await actions.TryRecordAsync(stream.ExecutionId, WatchdogAction.ResumeStreaming, options.Value.ResumeRepeat, cancellationToken);
        if (times is null)
        {
            return;
        }

        await bus.Publish(new ResumeStreaming
        {
            ExecutionId = stream.ExecutionId,
            Reason = "No poller holds the execution and its keepalive has lapsed.",
        }, cancellationToken);
        metrics.Resumed();
        LogResumed(logger, stream.ExecutionId, stream.AwxJobId, times.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Execution {ExecutionId} (AWX job {AwxJobId}) has neither a poller's lease nor a fresh keepalive; asked the pollers to resume it (resume {Times})")]
    private static partial void LogResumed(ILogger logger, Guid executionId, long awxJobId, int times);
}
