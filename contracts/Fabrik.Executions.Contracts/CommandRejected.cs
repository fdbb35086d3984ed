namespace Fabrik.Executions.Contracts;

/// <summary>The Launcher's answer when it refused a command. Nothing was changed.</summary>
public sealed record CommandRejected
{
    /// <summary>The execution the command named.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The class of refusal.</summary>
    public required RejectionReason Reason { get; init; }

    /// <summary>What is wrong, in words an operator can act on.</summary>
    public required string Detail { get; init; }
}
