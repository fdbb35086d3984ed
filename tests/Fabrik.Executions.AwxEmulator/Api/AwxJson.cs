using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>AWX's JSON conventions: snake_case names, lower-case statuses, DRF timestamps, nulls written out.</summary>
internal static class AwxJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.Converters.Add(new AwxTimestampConverter());
        return options;
    }
}
