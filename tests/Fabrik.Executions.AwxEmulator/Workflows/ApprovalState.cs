using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

internal sealed record ApprovalState
{
    public required JobStatus Status { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public DateTimeOffset? CanceledOn { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>Whether a user approved or denied it (the emulator has one user, admin).</summary>
    public bool Decided { get; init; }

    public string JobExplanation { get; init; } = "";
}
