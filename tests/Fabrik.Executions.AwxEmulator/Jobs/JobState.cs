using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>The changing part of a job, replaced whole on every transition so readers see a consistent picture.</summary>
internal sealed record JobState
{
    public required JobStatus Status { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public DateTimeOffset? CanceledOn { get; init; }

    public string JobExplanation { get; init; } = "";

    public string ResultTraceback { get; init; } = "";

    public string ExecutionNode { get; init; } = "";

    public JobInvocation Invocation { get; init; } = JobInvocation.NotStarted;

    public JsonElement Artifacts { get; init; } = EmptyJsonObject.Value;
}
