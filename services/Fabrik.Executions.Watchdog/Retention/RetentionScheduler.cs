using Fabrik.Executions.Watchdog.Sweeping;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>
/// Runs retention once at start and then every interval, as a dry run or for real as configured, under its own lock so
/// that one Watchdog at a time applies it however many run. A failed run is logged; the next one tries again.
/// </summary>
public sealed partial class RetentionScheduler(
    SweepLock locks, RetentionRun run, RetentionMetrics metrics, IOptions<RetentionOptions> options, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    /// <summary>The lock's name; its key is <c>hashtext(LockName)</c>.</summary>
    public const string LockName = "fabrik-watchdog-retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Mode == RetentionMode.Off)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval);
        do
        {
            await RunOnceAsync(settings.Mode == RetentionMode.DryRun, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            await using var held = await locks.TryTakeAsync(LockName, cancellationToken);
            if (held is null)
            {
                metrics.Run("skipped");
                return;
            }

            await run.RunAsync(dryRun, cancellationToken);
            metrics.Run("completed");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Run("failed");
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed; it runs again next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
