namespace Fabrik.Executions.Contracts;

/// <summary>Lifecycle facts about <see cref="ExecutionStatus"/>.</summary>
public static class ExecutionStatusExtensions
{
    /// <summary>True for the statuses that end an execution: successful, failed, error, canceled.</summary>
    /// <param name="status">The status to test.</param>
    public static bool IsTerminal(this ExecutionStatus status) =>
        status is ExecutionStatus.Successful or ExecutionStatus.Failed or ExecutionStatus.Error or ExecutionStatus.Canceled;
}
