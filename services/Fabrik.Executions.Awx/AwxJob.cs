using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>
/// The fields of <c>/api/v2/jobs/{id}/</c> this system acts on. <see cref="EventProcessingFinished"/> is on the detail
/// endpoint only; <see cref="Raw"/> is the whole response, kept verbatim.
/// </summary>
public sealed record AwxJob
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    public string Status { get; init; } = "";
    public bool Failed { get; init; }
    public DateTimeOffset? Started { get; init; }
    public DateTimeOffset? Finished { get; init; }
    public double? Elapsed { get; init; }
    public string? JobExplanation { get; init; }
    public bool? EventProcessingFinished { get; init; }
    public string? Limit { get; init; }
    public JsonElement Artifacts { get; init; }
    public AwxPlaybookCounts? PlaybookCounts { get; init; }
    public JsonElement Raw { get; init; }
}
