using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary><c>summary_fields.job</c> of job events and host summaries.</summary>
internal sealed record JobReferenceSummary
{
    public required int Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required JobStatus Status { get; init; }

    public required bool Failed { get; init; }

    public required double Elapsed { get; init; }

    public string Type { get; init; } = "job";

    public required int JobTemplateId { get; init; }

    public required string JobTemplateName { get; init; }

    // AWX leaves out summary values that are None.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CanceledOn { get; init; }

    public static JobReferenceSummary Of(JobView view) => new()
    {
        Id = view.Job.Id,
        Name = view.Job.Template.Name,
        Description = view.Job.Template.Description,
        Status = view.State.Status,
        Failed = view.State.Status.CountsAsFailed(),
        Elapsed = view.Elapsed,
        JobTemplateId = view.Job.Template.Id,
        JobTemplateName = view.Job.Template.Name,
        CanceledOn = view.State.CanceledOn,
    };
}
