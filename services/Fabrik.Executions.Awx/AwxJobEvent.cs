using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>An entry of <c>/api/v2/jobs/{id}/job_events/</c>, with the fields this system copies.</summary>
public sealed record AwxJobEvent
{
    public long Id { get; init; }
    public long? Job { get; init; }
    public long Counter { get; init; }
    public string Event { get; init; } = "";
    public string Uuid { get; init; } = "";
    public string? ParentUuid { get; init; }
    public string? HostName { get; init; }
    public string? Playbook { get; init; }
    public string? Play { get; init; }
    public string? Task { get; init; }
    public string? Role { get; init; }
    public string? Stdout { get; init; }
    public int StartLine { get; init; }
    public int EndLine { get; init; }
    public bool Failed { get; init; }
    public bool Changed { get; init; }
    public DateTimeOffset? Created { get; init; }
    public JsonElement EventData { get; init; }
}
