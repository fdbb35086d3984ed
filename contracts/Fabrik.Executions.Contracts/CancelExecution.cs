namespace Fabrik.Executions.Contracts;

/// <summary>Command to the Launcher (request/response): cancel an execution that is pending, waiting or running.</summary>
public sealed record CancelExecution
{
    /// <summary>The execution to cancel.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>Who asked for the cancel.</summary>
    public required string RequestedBy { get; init; }
}
