using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Canceling;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Cancels an execution that is pending, waiting or running. Before any launch claimed it, it is canceled here and
/// never reaches AWX; while AWX is being asked, the cancel is recorded for the launch to pass on; once AWX has the
/// job, AWX is asked to cancel it and the poller follows the job to <c>canceled</c>, copying its remaining events.
/// Who asked first, and when, is recorded.
/// </summary>
public sealed partial class CancelExecutionConsumer(
    ExecutionRepository executions,
    CancelRepository cancels,
    AwxJobCanceler canceler,
    ILogger<CancelExecutionConsumer> logger) : IConsumer<CancelExecution>
{
    public async Task Consume(ConsumeContext<CancelExecution> context)
    {
        var command = context.Message;
        if (OperatorCommandValidator.FindProblem(command.ExecutionId, command.RequestedBy) is { } problem)
        {
            await context.RespondAsync(LauncherMessages.Rejected(command.ExecutionId, RejectionReason.Invalid, problem));
            return;
        }

        var cancellationToken = context.CancellationToken;
        var execution = await executions.FindAsync(command.ExecutionId, cancellationToken);

        // A pass that cannot act has lost a race to the launch or the poller, so the next finds the execution
        // further along its lifecycle: claimed, launched, or finished.
        while (execution is not null && !execution.Status.IsTerminal())
        {
            if (execution.AwxJobId is { } jobId)
            {
                await CancelJobAsync(context, execution, jobId);
                return;
            }

            if (execution.LaunchAttemptedAt is null)
            {
                var explanation = $"Canceled by {command.RequestedBy} before it was launched: no AWX job was created.";
                if (await cancels.CancelUnlaunchedAsync(execution.Id, command.RequestedBy, explanation, cancellationToken) is { } canceled)
                {
                    LogCanceledUnlaunched(logger, execution.Id, command.RequestedBy);
                    await context.Publish(canceled.ToMessage(explanation), cancellationToken);
                    await context.RespondAsync(LauncherMessages.Accepted(execution.Id, ExecutionStatus.Canceled, alreadyDone: false));
                    return;
                }
            }
            else if (await cancels.RecordBeforeJobAsync(execution.Id, command.RequestedBy, cancellationToken))
            {
                LogRecordedForLaunch(logger, execution.Id, command.RequestedBy);
                await context.RespondAsync(LauncherMessages.Accepted(execution.Id, ExecutionStatus.Pending, alreadyDone: false));
                return;
            }

            execution = await executions.FindAsync(command.ExecutionId, cancellationToken);
        }

        if (execution is null)
        {
            await context.RespondAsync(LauncherMessages.Rejected(command.ExecutionId, RejectionReason.NotFound, $"Execution {command.ExecutionId} does not exist."));
        }
        else if (execution.Status == ExecutionStatus.Canceled && execution.CancelRequestedBy == command.RequestedBy)
        {
            // The same cancel again (redelivered, retried, or asked twice): what it asked for is done.
            await context.RespondAsync(LauncherMessages.Accepted(execution.Id, ExecutionStatus.Canceled, alreadyDone: true));
        }
        else
        {
            await context.RespondAsync(LauncherMessages.Rejected(execution.Id, RejectionReason.Conflict, CancelDetails.AlreadyFinished(execution)));
        }
    }

    private async Task CancelJobAsync(ConsumeContext<CancelExecution> context, ExecutionRecord execution, long jobId)
    {
        var requestedBy = context.Message.RequestedBy;
        AwxCancelOutcome outcome;
        try
        {
            outcome = await canceler.CancelAsync(execution.TemplateKind, jobId, context.CancellationToken);
        }
        catch (AwxCancelFailedException failure) when (failure.Refused)
        {
            // Not answering is left to fault, so the caller hears the Launcher could not get through and may repeat.
            LogAwxRefused(logger, failure, execution.Id, jobId);
            await context.RespondAsync(LauncherMessages.Rejected(execution.Id, RejectionReason.Unprocessable, failure.Message));
            return;
        }

        if (outcome != AwxCancelOutcome.Requested)
        {
            await context.RespondAsync(LauncherMessages.Rejected(execution.Id, RejectionReason.Conflict, CancelDetails.AwxRefused(execution, jobId, outcome)));
            return;
        }

        await cancels.RecordAsync(execution.Id, requestedBy, context.CancellationToken);
        LogAwxCanceling(logger, execution.Id, jobId, requestedBy);
        await context.RespondAsync(LauncherMessages.Accepted(execution.Id, execution.Status, alreadyDone: execution.CancelRequestedAt is not null));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} canceled by {RequestedBy} before its launch")]
    private static partial void LogCanceledUnlaunched(ILogger logger, Guid executionId, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cancel of execution {ExecutionId} by {RequestedBy} recorded while its launch is under way; the launch passes it on to AWX")]
    private static partial void LogRecordedForLaunch(ILogger logger, Guid executionId, string requestedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "AWX is canceling job {AwxJobId} of execution {ExecutionId}, as {RequestedBy} asked")]
    private static partial void LogAwxCanceling(ILogger logger, Guid executionId, long awxJobId, string requestedBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX refused to cancel job {AwxJobId} of execution {ExecutionId}")]
    private static partial void LogAwxRefused(ILogger logger, Exception exception, Guid executionId, long awxJobId);
}
