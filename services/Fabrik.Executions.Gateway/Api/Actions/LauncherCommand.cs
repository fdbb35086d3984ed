using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>Asks the Launcher to carry out an operator command and waits, up to the Gateway's command timeout, for its answer.</summary>
public static partial class LauncherCommand
{
    public static async Task<LauncherAnswer> AskAsync<TCommand>(
        IRequestClient<TCommand> launcher, TCommand command, Guid executionId, int timeoutSeconds, ILogger logger, CancellationToken cancellationToken)
        where TCommand : class
    {
        Response<ExecutionAccepted, CommandRejected> response;
        try
        {
            response = await launcher.GetResponse<ExecutionAccepted, CommandRejected>(command, cancellationToken, RequestTimeout.After(s: timeoutSeconds));
        }
        catch (RequestTimeoutException)
        {
            LogNoAnswer(logger, typeof(TCommand).Name, executionId, timeoutSeconds);
            return LauncherAnswer.None;
        }
        catch (RequestFaultException exception)
        {
            LogFailed(logger, exception, typeof(TCommand).Name, executionId);
            return LauncherAnswer.None;
        }

        if (response.Is(out Response<CommandRejected>? rejected))
        {
            LogRejected(logger, typeof(TCommand).Name, executionId, rejected.Message.Reason, rejected.Message.Detail);
            return new LauncherAnswer(null, rejected.Message);
        }

        return response.Is(out Response<ExecutionAccepted>? accepted)
            ? new LauncherAnswer(accepted.Message, null)
            : throw new InvalidOperationException("The Launcher answered neither ExecutionAccepted nor CommandRejected.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Launcher did not answer {Command} of execution {ExecutionId} within {TimeoutSeconds} s")]
    private static partial void LogNoAnswer(ILogger logger, string command, Guid executionId, int timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Launcher failed on {Command} of execution {ExecutionId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string command, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Launcher rejected {Command} of execution {ExecutionId} as {Reason}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string command, Guid executionId, RejectionReason reason, string detail);
}
