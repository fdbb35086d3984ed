using Polly;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>The ways a call to AWX ends without an answer from AWX, and how to say which in an explanation.</summary>
public static class AwxNoAnswer
{
    /// <summary>True when AWX never answered: unreachable, timed out, or calls paused by the circuit breaker.</summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or ExecutionRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static string Summarize(Exception exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException => "timed out",
        Polly.CircuitBreaker.BrokenCircuitException => "recent calls to AWX failed, so calls are paused",
        OperationCanceledException => "timed out",
        _ => exception.Message,
    };
}
