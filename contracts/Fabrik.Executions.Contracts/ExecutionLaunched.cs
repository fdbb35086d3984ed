namespace Fabrik.Executions.Contracts;

/// <summary>AWX accepted the launch: the execution has an AWX job to follow.</summary>
public sealed record ExecutionLaunched
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the job (or workflow job) launched.</summary>
    public required long AwxJobId { get; init; }

    /// <summary>Whether the AWX job is a job or a workflow job.</summary>
    public required TemplateKind Kind { get; init; }

    /// <summary>Link to the job in AWX's own UI.</summary>
    public required string AwxJobUrl { get; init; }

    /// <summary>When AWX accepted the launch.</summary>
    public required DateTimeOffset LaunchedAt { get; init; }
}
