namespace Fabrik.Executions.Storage;

/// <summary>What the ResultParser stores once an execution finished.</summary>
public sealed record ExecutionResults
{
    public required Guid ExecutionId { get; init; }
    public required string AwxJobDataJson { get; init; }
    public required string ArtifactsJson { get; init; }
    public required string RowResultsJson { get; init; }
    public required string Source { get; init; }
    public required bool PartialSuccess { get; init; }
    public double? ElapsedSeconds { get; init; }
}
