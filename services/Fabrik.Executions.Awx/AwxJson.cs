using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.Awx;

/// <summary>AWX's JSON conventions: snake_case names, nulls left out of requests.</summary>
public static class AwxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
