using MassTransit;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Logs every failed attempt to consume a message, with its reason. A consumer's retry policy runs around this filter
/// and tries again quietly: without it, a consumer that keeps failing (a database timing out, AWX refusing) says
/// nothing until its last retry gives up, minutes later.
/// </summary>
public sealed partial class FailedAttemptLogFilter<T>(ILogger<FailedAttemptLogFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, exception, TypeCache<T>.ShortName, context.MessageId, context.GetRetryAttempt() + 1, context.ReceiveContext.InputAddress);
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("failedAttemptLog");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consuming {MessageType} {MessageId} from {InputAddress} failed in attempt {Attempt}")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string messageType, Guid? messageId, int attempt, Uri inputAddress);
}
