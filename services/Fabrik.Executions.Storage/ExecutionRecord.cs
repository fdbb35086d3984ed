using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>A row of <c>executions</c>. JSON columns are kept as the JSON text PostgreSQL holds.</summary>
public sealed record ExecutionRecord
{
    public Guid Id { get; init; }
    public string RequestId { get; init; } = "";
    public TemplateKind TemplateKind { get; init; }
    public int TemplateId { get; init; }
    public string TemplateName { get; init; } = "";
    public string TemplateSnapshot { get; init; } = "{}";
    public string ExtraVars { get; init; } = "{}";
    public string? LimitPattern { get; init; }
    public int? InventoryId { get; init; }
    public int[] CredentialIds { get; init; } = [];
    public string LaunchedBy { get; init; } = "";
    public ExecutionStatus Status { get; init; }
    public string? StatusExplanation { get; init; }
    public long? AwxJobId { get; init; }
    public string? AwxJobUrl { get; init; }
    public short ProgressPercentage { get; init; }
    public string? CurrentTask { get; init; }
    public double? ElapsedSeconds { get; init; }
    public string? AwxJobData { get; init; }
    public string? Artifacts { get; init; }
    public string? RowResults { get; init; }
    public string? ResultsSource { get; init; }
    public bool? PartialSuccess { get; init; }
    public Guid? RelaunchOf { get; init; }
    public short RelaunchCount { get; init; }
    public string? RelaunchHosts { get; init; }
    public long? FinalCounter { get; init; }
    public bool? Complete { get; init; }
    public long[]? MissingCounters { get; init; }
    public DateTime? LaunchAttemptedAt { get; init; }
    public string? CancelRequestedBy { get; init; }
    public DateTime? CancelRequestedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? LaunchedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? FinishedAt { get; init; }

    /// <summary>The ephemeral AWX workflow job template a workflow execution runs; removed after it finished.</summary>
    public int? AwxWorkflowCloneId { get; init; }
    public DateTime? CloneRemovedAt { get; init; }

    /// <summary>For a retry from a workflow node: the node of the relaunched execution the retry starts at.</summary>
    public long? RelaunchFromNode { get; init; }
}
