namespace Fabrik.Executions.Contracts;

/// <summary>An execution's progress or current task changed.</summary>
public sealed record ExecutionProgressed
{
    /// <summary>The execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>Tasks completed against the playbook's task count, 0 to 100.</summary>
    public required int ProgressPercentage { get; init; }

    /// <summary>The most recent task AWX reported.</summary>
    public string? CurrentTask { get; init; }

    /// <summary>The highest counter stored with every counter below it stored.</summary>
    public required long Watermark { get; init; }
}
