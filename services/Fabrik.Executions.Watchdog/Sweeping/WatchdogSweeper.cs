using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Sweeping;

/// <summary>
/// Runs every check once per sweep interval, under the sweep lock: an instance that does not get the lock skips the
/// sweep. A failing check is logged and the others still run; the next sweep tries everything again.
/// </summary>
public sealed partial class WatchdogSweeper(
    SweepLock sweepLock,
    IEnumerable<IWatchdogCheck> checks,
    WatchdogMetrics metrics,
    IOptions<WatchdogOptions> options,
    ILogger<WatchdogSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var held = await sweepLock.TryTakeAsync(cancellationToken);
            if (held is null)
            {
                metrics.SweepSkipped();
                return;
            }

            foreach (var check in checks)
            {
                await RunAsync(check, cancellationToken);
            }

            metrics.SweepCompleted();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(logger, exception);
        }
    }

    private async Task RunAsync(IWatchdogCheck check, CancellationToken cancellationToken)
    {
        try
        {
            await check.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.CheckFailed(check.Name);
            LogCheckFailed(logger, exception, check.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweep failed: the sweep lock could not be taken or released")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Check {Check} failed; it runs again next sweep")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string check);
}
