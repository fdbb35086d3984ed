using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows one execution while this poller holds its lease: runs its follower's cycles (a job's or a workflow's),
/// paced as AWX answers, renews the lease, refreshes the keepalive, sends heartbeats, and says on the execution when
/// AWX refuses the token.
/// </summary>
public sealed partial class ExecutionStream(StreamContext context, Guid executionId, IExecutionFollower follower)
{
    private readonly PollPacer pacer = new(context.Options);
    private DateTimeOffset lastHeartbeat = DateTimeOffset.MinValue;
    private bool awxRefusing;

    public Guid ExecutionId => executionId;

    private long JobId => follower.JobId;

    /// <summary>Runs until the execution finished, the lease went to another poller, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var scope = context.Logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId, ["AwxJobId"] = JobId });
        await follower.StartAsync(stopping);
        LogStreamStarted(context.Logger);

        while (!stopping.IsCancellationRequested)
        {
            if (!await StillHoldsLeaseAsync())
            {
                LogLeaseLost(context.Logger);
                return;
            }

            TimeSpan pause;
            try
            {
                var cycle = await context.Metrics.MeasureCycleAsync(executionId, () => follower.PollOnceAsync(stopping));
                if (cycle.Finished)
                {
                    await context.Keepalive.ForgetAsync(executionId);
                    await context.Leases.ReleaseAsync(executionId);
                    return;
                }

                pause = pacer.AfterCycle(cycle.NewEvents, cycle.MorePending);
                await ExplainRefusalAsync(null, stopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                pause = pacer.AfterFailure();
                LogCycleFailed(context.Logger, exception, exception.GetType().Name, pause.TotalMilliseconds);
                if (exception is ApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } refused)
                {
                    await ExplainRefusalAsync(refused, stopping);
                }
            }

            await TouchAsync(stopping);
            await Task.Delay(pause, context.Clock, stopping);
        }
    }

    /// <summary>
    /// A refused token stops the copy until someone fixes it: say so on the execution, where operators look, and
    /// clear it once AWX answers again.
    /// </summary>
    private async Task ExplainRefusalAsync(ApiException? refusal, CancellationToken cancellationToken)
    {
        if (refusal is null && !awxRefusing)
        {
            return;
        }

        try
        {
            var explanation = refusal is null ? null : $"{AwxErrorText.Describe(refusal)} Output copying resumes once AWX accepts the token.";
            await context.Executions.ExplainAsync(executionId, explanation, cancellationToken);
            awxRefusing = refusal is not null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTouchFailed(context.Logger, exception);
        }
    }

    private async Task<bool> StillHoldsLeaseAsync()
    {
        try
        {
            return await context.Leases.RenewAsync(executionId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // Without Redis nobody can take a lease, so the holder keeps going; the database keeps the copy exact.
            LogRedisUnavailable(context.Logger, exception);
            return true;
        }
    }

    private async Task TouchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await context.Keepalive.TouchAsync(executionId, follower.Watermark);
            var now = context.Clock.GetUtcNow();
            if (now - lastHeartbeat >= TimeSpan.FromSeconds(context.Options.HeartbeatSeconds))
            {
                lastHeartbeat = now;
                await context.Publisher.PublishAsync(new StreamHeartbeat { ExecutionId = executionId, Watermark = follower.Watermark, SentAt = now }, cancellationToken);
                context.Metrics.HeartbeatSent();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTouchFailed(context.Logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming from the stored watermark")]
    private static partial void LogStreamStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease taken over by another poller; stopping this stream")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll cycle failed ({ExceptionType}); next attempt in {PauseMilliseconds} ms")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, string exceptionType, double pauseMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable while renewing the lease; streaming on")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keepalive, heartbeat or explanation failed")]
    private static partial void LogTouchFailed(ILogger logger, Exception exception);
}
