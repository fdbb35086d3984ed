using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Jobs;

internal static class EmptyJsonObject
{
    public static JsonElement Value { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
