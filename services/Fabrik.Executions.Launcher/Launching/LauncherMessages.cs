using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>The answers and events every Launcher consumer sends, built one way.</summary>
public static class LauncherMessages
{
    public static ExecutionStatusChanged StatusChanged(StatusTransition transition, string? explanation) => new()
    {
        ExecutionId = transition.ExecutionId,
        Status = transition.Current,
        PreviousStatus = transition.Previous,
        Explanation = explanation,
        AwxJobId = transition.AwxJobId,
        ChangedAt = AsUtc(transition.ChangedAt),
    };

    public static ExecutionAccepted Accepted(Guid executionId, ExecutionStatus status, bool alreadyDone) =>
        new() { ExecutionId = executionId, Status = status, AlreadyDone = alreadyDone };

    public static CommandRejected Rejected(Guid executionId, RejectionReason reason, string detail) =>
        new() { ExecutionId = executionId, Reason = reason, Detail = detail };

    public static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
