namespace Fabrik.Executions.Contracts;

/// <summary>The Launcher's answer when it accepted a command; the execution's state at that moment.</summary>
public sealed record ExecutionAccepted
{
    /// <summary>The execution the command created or acted on.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The execution's status after the command.</summary>
    public required ExecutionStatus Status { get; init; }

    /// <summary>True when the command had already been carried out (same request id, repeated cancel) and nothing new happened.</summary>
    public required bool AlreadyDone { get; init; }
}
