using System.Net;
using Fabrik.Executions.Awx;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows one execution while this poller holds its lease: runs its follower's cycles (a job's or a workflow's),
/// paced as AWX answers, with the <see cref="StreamPulse"/> beside them (lease, keepalive, heartbeat), and says on the
/// execution when AWX refuses the token.
/// </summary>
public sealed partial class ExecutionStream(StreamContext context, Guid executionId, IExecutionFollower follower)
{
    private readonly PollPacer pacer = new(context.Options);
    private readonly StreamPulse pulse = new(context, executionId);
    private bool awxRefusing;

    public Guid ExecutionId => executionId;

    private long JobId => follower.JobId;

    /// <summary>Runs until the execution finished, the lease went to another poller, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var scope = context.Logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId, ["AwxJobId"] = JobId });
        await follower.StartAsync(stopping);
        pulse.Watermark = follower.Watermark;
        LogStreamStarted(context.Logger);

        bool finished;
        using (var holding = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            var beating = pulse.RunAsync(holding);
            try
            {
                finished = await FollowAsync(holding.Token);
            }
            catch (OperationCanceledException) when (pulse.LeaseLost)
            {
                finished = false;
            }
            finally
            {
                await holding.CancelAsync();
                await beating;
            }
        }

        if (finished)
        {
            await LetGoAsync();
        }
        else if (pulse.LeaseLost)
        {
            LogLeaseLost(context.Logger);
        }
    }

    /// <summary>Drops the keepalive and the lease of a finished execution, once the pulse has stopped so no late beat brings them back.</summary>
    private async Task LetGoAsync()
    {
        try
        {
            await context.Keepalive.ForgetAsync(executionId);
            await context.Leases.ReleaseAsync(executionId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            // Both lapse by themselves, and nobody resumes a finished execution.
            LogLetGoFailed(context.Logger, exception);
        }
    }

    /// <summary>Cycles until the execution finished (true) or <paramref name="holding"/> is cancelled (false).</summary>
    private async Task<bool> FollowAsync(CancellationToken holding)
    {
        while (!holding.IsCancellationRequested)
        {
            TimeSpan pause;
            var started = context.Clock.GetTimestamp();
            try
            {
                var cycle = await context.Metrics.MeasureCycleAsync(executionId, () => follower.PollOnceAsync(holding));
                pulse.Watermark = follower.Watermark;
                if (cycle.Finished)
                {
                    return true;
                }

                pause = pacer.AfterCycle(cycle.NewEvents, cycle.MorePending, context.Clock.GetElapsedTime(started));
                await ExplainRefusalAsync(null, holding);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !holding.IsCancellationRequested)
            {
                pause = pacer.AfterFailure();
                LogCycleFailed(context.Logger, exception, exception.GetType().Name, pause.TotalMilliseconds);
                if (exception is ApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } refused)
                {
                    await ExplainRefusalAsync(refused, holding);
                }
            }

            await Task.Delay(pause, context.Clock, holding);
        }

        return false;
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
            LogExplanationFailed(context.Logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming from the stored watermark")]
    private static partial void LogStreamStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease taken over by another poller; stopping this stream")]
    private static partial void LogLeaseLost(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll cycle failed ({ExceptionType}); next attempt in {PauseMilliseconds} ms")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception, string exceptionType, double pauseMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing the finished stream's keepalive and lease failed; they lapse by themselves")]
    private static partial void LogLetGoFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Explaining AWX's refusal on the execution failed")]
    private static partial void LogExplanationFailed(ILogger logger, Exception exception);
}
