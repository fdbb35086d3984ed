using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>The changing part of a workflow job, replaced whole on every transition.</summary>
internal sealed record WorkflowJobState
{
    public required JobStatus Status { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public DateTimeOffset? CanceledOn { get; init; }

    /// <summary>AWX's cancel_flag: the workflow manager cancels the spawned jobs, then the workflow job.</summary>
    public bool CancelRequested { get; init; }

    public string JobExplanation { get; init; } = "";
}
