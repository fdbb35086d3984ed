using System.Text.Json;

namespace Fabrik.Executions.UnitTests;

internal static class AwxSample
{
    public static JsonElement Read(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AwxSamples", name)));
        return document.RootElement.Clone();
    }
}
