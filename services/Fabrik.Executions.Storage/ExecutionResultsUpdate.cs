using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Everything the ResultParser stores for a finished execution, written in one statement. The JSON texts are AWX's
/// own; <see cref="AwxJobDataJson"/> is null when AWX no longer knows the job.
/// </summary>
public sealed record ExecutionResultsUpdate
{
    public required Guid ExecutionId { get; init; }
    public string? AwxJobDataJson { get; init; }
    public string? ArtifactsJson { get; init; }
    public required IReadOnlyList<HostResult> Hosts { get; init; }
    public required HostResultsSource Source { get; init; }
    public required bool PartialSuccess { get; init; }
    public double? ElapsedSeconds { get; init; }
}
