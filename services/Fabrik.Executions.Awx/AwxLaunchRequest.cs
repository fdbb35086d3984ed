using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>The body of <c>POST /api/v2/job_templates/{id}/launch/</c>.</summary>
public sealed record AwxLaunchRequest
{
    public required JsonElement ExtraVars { get; init; }
    public string? Limit { get; init; }
    public int? Inventory { get; init; }
    public IReadOnlyList<int>? Credentials { get; init; }
}
