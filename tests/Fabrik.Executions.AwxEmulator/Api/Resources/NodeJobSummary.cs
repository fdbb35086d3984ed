using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary><c>summary_fields.job</c> of a workflow job node; AWX adds <c>timed_out</c> for approvals and leaves out nulls.</summary>
internal sealed record NodeJobSummary
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required JobStatus Status { get; init; }

    public required bool Failed { get; init; }

    public required double Elapsed { get; init; }

    public required string Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CanceledOn { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TimedOut { get; init; }

    public static NodeJobSummary Of(INodeJob job, DateTimeOffset now)
    {
        var state = job.StateAt(now);
        return new NodeJobSummary
        {
            Id = job.Id,
            Name = job.Name,
            Description = job.Description,
            Status = state.Status,
            Failed = state.Status.CountsAsFailed(),
            Elapsed = state.Elapsed,
            Type = job.Type,
            CanceledOn = state.CanceledOn,
            TimedOut = state.TimedOut,
        };
    }
}
