using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// The hub shows callers the message of every error (so a wrong argument's binding error says what was wrong);
/// this keeps that from reaching anything but <see cref="HubException"/>s: an unexpected failure is logged and the
/// caller told only that it happened.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (exception is not HubException
                                          && !invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            LogFailure(exception, invocationContext.HubMethodName);
            throw new HubException($"{invocationContext.HubMethodName} failed in the Gateway; its log has the cause.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {HubMethod} failed")]
    private partial void LogFailure(Exception exception, string hubMethod);
}
