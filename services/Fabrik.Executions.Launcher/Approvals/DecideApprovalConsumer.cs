using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Consumers;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;
using MassTransit;
using Refit;

namespace Fabrik.Executions.Launcher.Approvals;

/// <summary>
/// Approves or denies a workflow approval in AWX for an operator. The decision is claimed in the database first, so
/// of two operators deciding at once only one reaches AWX, and a second decision is refused with who made the first.
/// A claim AWX did not take is given back; a redelivered command asks AWX again, whose answer says whether it was done.
/// </summary>
public sealed partial class DecideApprovalConsumer(
    ExecutionRepository executions,
    WorkflowRepository workflows,
    AwxClient awx,
    ILogger<DecideApprovalConsumer> logger) : IConsumer<DecideApproval>
{
    public const int MaxCommentLength = 2000;

    public async Task Consume(ConsumeContext<DecideApproval> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        if (FindProblem(command) is { } problem)
        {
            await context.RespondAsync(LauncherMessages.Rejected(command.ExecutionId, RejectionReason.Invalid, problem));
            return;
        }

        var execution = await executions.FindAsync(command.ExecutionId, cancellationToken);
        var approval = execution is null ? null : await workflows.FindApprovalAsync(command.ExecutionId, command.ApprovalId, cancellationToken);
        if (execution is null || approval is null)
        {
            var what = execution is null ? $"Execution {command.ExecutionId} does not exist." : $"Execution {command.ExecutionId} has no approval {command.ApprovalId}.";
            await context.RespondAsync(LauncherMessages.Rejected(command.ExecutionId, RejectionReason.NotFound, what));
            return;
        }

        var claimed = await workflows.ClaimDecisionAsync(execution.Id, approval.ApprovalId, command.DecidedBy, command.Comment, cancellationToken);
        if (!claimed)
        {
            approval = await workflows.FindApprovalAsync(execution.Id, approval.ApprovalId, cancellationToken) ?? approval;
            if (approval.DecidedBy != command.DecidedBy || approval.DecisionComment != command.Comment)
            {
                await context.RespondAsync(LauncherMessages.Rejected(execution.Id, RejectionReason.Conflict, ApprovalDecisionDetails.AlreadyDecided(approval)));
                return;
            }
        }

        await PassOnAsync(context, execution, approval, claimed);
    }

    // A delivery that claimed the decision gives the claim back if AWX does not take it.
    private async Task PassOnAsync(ConsumeContext<DecideApproval> context, ExecutionRecord execution, WorkflowApprovalRecord approval, bool claimed)
    {
        var command = context.Message;
        var verb = command.Approve ? "approve" : "deny";
        try
        {
            await (command.Approve
                ? awx.Api.ApproveAsync(approval.ApprovalId, context.CancellationToken)
                : awx.Api.DenyAsync(approval.ApprovalId, context.CancellationToken));
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            if (!claimed && exception.StatusCode == HttpStatusCode.BadRequest)
            {
                // Asked again by whoever decided: AWX has a decision already, made by an earlier delivery or in AWX.
                await context.RespondAsync(LauncherMessages.Rejected(execution.Id, RejectionReason.Conflict, ApprovalDecisionDetails.AlreadyDecided(approval)));
                return;
            }

            // AWX did not take this decision; whatever AWX decided instead, the poller records from AWX.
            await ReleaseAsync(execution, approval, command.DecidedBy, claimed);
            var reason = exception.StatusCode == HttpStatusCode.NotFound ? RejectionReason.NotFound
                : exception.StatusCode == HttpStatusCode.Forbidden ? RejectionReason.Unprocessable
                : RejectionReason.Conflict;
            var detail = $"AWX did not {verb} approval {approval.ApprovalId} ({approval.Name}): {AwxErrorText.Describe(exception)}";
            LogRefused(logger, execution.Id, approval.ApprovalId, detail);
            await context.RespondAsync(LauncherMessages.Rejected(execution.Id, reason, detail));
            return;
        }
        catch (Exception exception) when (exception is ApiException || AwxNoAnswer.Is(exception, context.CancellationToken))
        {
            // Left to fault: the caller hears the Launcher could not get through and may decide again.
            await ReleaseAsync(execution, approval, command.DecidedBy, claimed);
            throw;
        }

        LogDecided(logger, execution.Id, approval.ApprovalId, verb, command.DecidedBy);
        await context.RespondAsync(LauncherMessages.Accepted(execution.Id, execution.Status, alreadyDone: false));
    }

    private Task ReleaseAsync(ExecutionRecord execution, WorkflowApprovalRecord approval, string decidedBy, bool claimed) =>
        claimed ? workflows.ReleaseDecisionAsync(execution.Id, approval.ApprovalId, decidedBy, CancellationToken.None) : Task.CompletedTask;

    private static string? FindProblem(DecideApproval command)
    {
        if (command.ApprovalId <= 0)
        {
            return $"approval_id must be a positive AWX approval id, not {command.ApprovalId}.";
        }

        if (command.Comment is { Length: > MaxCommentLength })
        {
            return $"comment is {command.Comment.Length} characters long; at most {MaxCommentLength} are allowed.";
        }

        if (command.Comment is not null && StorableText.FindControlCharacter("comment", command.Comment, multiLine: true) is { } problem)
        {
            return problem;
        }

        return OperatorCommandValidator.FindProblem(command.ExecutionId, command.DecidedBy, "decided_by");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId}: approval {ApprovalId} passed on to AWX as {Decision} by {DecidedBy}")]
    private static partial void LogDecided(ILogger logger, Guid executionId, long approvalId, string decision, string decidedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId}: AWX refused the decision on approval {ApprovalId}: {Detail}")]
    private static partial void LogRefused(ILogger logger, Guid executionId, long approvalId, string detail);
}
