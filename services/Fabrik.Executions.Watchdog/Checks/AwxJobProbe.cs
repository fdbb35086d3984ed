using System.Net;
using Fabrik.Executions.Awx;
using Polly;
using Refit;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>Asks AWX whether a job still exists, and says clearly in the log when AWX cannot tell.</summary>
public sealed partial class AwxJobProbe(AwxClient awx, WatchdogMetrics metrics, ILogger<AwxJobProbe> logger)
{
    public async Task<AwxJobPresence> CheckAsync(long jobId, CancellationToken cancellationToken)
    {
        try
        {
            await awx.GetJobAsync(jobId, cancellationToken);
            return AwxJobPresence.Exists;
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return AwxJobPresence.Vanished;
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            metrics.AwxRefused();
            LogRefused(logger, AwxErrorText.Describe(exception));
            return AwxJobPresence.Unknown;
        }
        catch (Exception exception) when (IsNoAnswer(exception, cancellationToken))
        {
            LogNoAnswer(logger, jobId, exception.GetType().Name, exception.Message);
            return AwxJobPresence.Unknown;
        }
    }

    private static bool IsNoAnswer(Exception exception, CancellationToken cancellationToken) =>
        exception is ApiException or AwxResponseException or HttpRequestException or ExecutionRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "AWX refused the Watchdog's token: {Reason} Fix Awx__Token; until then vanished AWX jobs go unnoticed and no execution is changed on AWX's word")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "AWX gave no usable answer about job {AwxJobId} ({ExceptionType}: {Reason}); AWX is not asked again until the next sweep")]
    private static partial void LogNoAnswer(ILogger logger, long awxJobId, string exceptionType, string reason);
}
