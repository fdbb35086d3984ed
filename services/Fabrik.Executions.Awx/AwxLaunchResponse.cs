using System.Text.Json;

namespace Fabrik.Executions.Awx;

/// <summary>AWX's 201 answer to a launch: the new job's id and the launch fields it ignored.</summary>
public sealed record AwxLaunchResponse
{
    public long Job { get; init; }
    public string? Status { get; init; }
    public JsonElement IgnoredFields { get; init; }
}
