using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// The signs that this poller holds an execution, on a timer of their own so that no backoff or slow AWX call
/// silences them: every <c>HeartbeatSeconds</c> the lease is renewed, the keepalive and cursor refreshed, and a
/// heartbeat published. They follow the process, not AWX: a poller whose AWX calls hang keeps the execution (each AWX
/// call gives up after the client's timeout, so a cycle cannot hang for ever, and another poller would wait on the
/// same AWX), while a dead or cut-off poller lets lease and keepalive lapse for another poller or the Watchdog.
/// </summary>
public sealed partial class StreamPulse(StreamContext context, Guid executionId)
{
    private long watermark;
    private volatile bool leaseLost;

    /// <summary>True once the lease turned out to be another poller's; the stream was told to stop.</summary>
    public bool LeaseLost => leaseLost;

    /// <summary>The stored watermark the pulse reports; the stream sets it between cycles, the only time it is settled.</summary>
    public long Watermark
    {
        get => Interlocked.Read(ref watermark);
        set => Interlocked.Exchange(ref watermark, value);
    }

    private TimeSpan Period => TimeSpan.FromSeconds(context.Options.HeartbeatSeconds);

    /// <summary>Beats at once and then every period until <paramref name="holding"/> is cancelled, which it does itself when the lease is lost.</summary>
    public async Task RunAsync(CancellationTokenSource holding)
    {
        using var timer = new PeriodicTimer(Period, context.Clock);
        try
        {
            do
            {
                if (!await StillHoldsLeaseAsync())
                {
                    leaseLost = true;
                    await holding.CancelAsync();
                    return;
                }

                await BeatAsync(holding.Token);
            }
            while (await timer.WaitForNextTickAsync(holding.Token));
        }
        catch (OperationCanceledException) when (holding.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> StillHoldsLeaseAsync()
    {
        try
        {
            return await context.Leases.RenewAsync(executionId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Without Redis nobody can take a lease, so the holder keeps going; the database keeps the copy exact.
            LogRenewalFailed(context.Logger, exception);
            return true;
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var current = Watermark;
        try
        {
            await context.Keepalive.TouchAsync(executionId, current);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogKeepaliveFailed(context.Logger, exception);
        }

        // A heartbeat not out within its period is dropped: the next one says as much, and the lease must not wait on the broker.
        using var due = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        due.CancelAfter(Period);
        try
        {
            var heartbeat = new StreamHeartbeat { ExecutionId = executionId, Watermark = current, SentAt = context.Clock.GetUtcNow() };
            await context.Publisher.PublishAsync(heartbeat, due.Token);
            context.Metrics.HeartbeatSent();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogHeartbeatFailed(context.Logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease failed; streaming on")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the keepalive failed")]
    private static partial void LogKeepaliveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not published")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception);
}
