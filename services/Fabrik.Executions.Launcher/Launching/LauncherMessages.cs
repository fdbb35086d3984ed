using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>The answers every Launcher consumer sends, built one way.</summary>
public static class LauncherMessages
{
    public static ExecutionAccepted Accepted(Guid executionId, ExecutionStatus status, bool alreadyDone) =>
        new() { ExecutionId = executionId, Status = status, AlreadyDone = alreadyDone };

    public static CommandRejected Rejected(Guid executionId, RejectionReason reason, string detail) =>
        new() { ExecutionId = executionId, Reason = reason, Detail = detail };
}
