using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>Which relaunch chains have expired: every member in one of <see cref="Statuses"/> and finished before <see cref="FinishedBefore"/>, and not among the newest <see cref="KeepLastPerTemplate"/> chains of its template.</summary>
public sealed record RetentionPolicy
{
    public required DateTimeOffset FinishedBefore { get; init; }

    /// <summary>Terminal statuses only; the queries ignore any other.</summary>
    public required IReadOnlyCollection<ExecutionStatus> Statuses { get; init; }

    public required int KeepLastPerTemplate { get; init; }

    /// <summary>At most this many chains per run, oldest first, so one run's work stays bounded.</summary>
    public required int MaxChains { get; init; }
}
