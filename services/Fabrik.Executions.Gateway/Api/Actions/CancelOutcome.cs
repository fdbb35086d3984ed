using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>One execution's line in the answer to a bulk cancel.</summary>
/// <param name="Id">The execution.</param>
/// <param name="Result">What became of it.</param>
/// <param name="Status">Its status after the cancel, when it was canceled or a cancel was requested.</param>
/// <param name="Detail">Why, when nothing was canceled.</param>
public sealed record CancelOutcome(Guid Id, CancelResult Result, ExecutionStatus? Status, string? Detail)
{
    public static CancelOutcome From(Guid id, LauncherAnswer answer, int timeoutSeconds) => answer switch
    {
        { Accepted: { Status: ExecutionStatus.Canceled } accepted } => new(id, CancelResult.Canceled, accepted.Status, null),
        { Accepted: { } accepted } => new(id, CancelResult.CancelRequested, accepted.Status, null),
        { Rejected: { Reason: RejectionReason.NotFound } rejected } => new(id, CancelResult.NotFound, null, rejected.Detail),
        { Rejected: { Reason: RejectionReason.Conflict } rejected } => new(id, CancelResult.AlreadyFinished, null, rejected.Detail),
        { Rejected: { } rejected } => new(id, CancelResult.Refused, null, rejected.Detail),
        _ => new(id, CancelResult.NoAnswer, null,
            $"The Launcher did not answer within {timeoutSeconds} s; the cancel may still take effect, and repeating it is safe."),
    };
}
