using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Awx;

namespace Fabrik.Executions.Benchmarks.Micro;

/// <summary>A full page (200) of job events as AWX sends it, grown from AWX's own recorded page with fresh counters.</summary>
internal static class AwxEventPage
{
    public static byte[] Utf8()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AwxSamples", "data.job_events.json")))!;
        var recorded = sample["results"]!.AsArray();
        var results = new JsonArray();
        for (var i = 0; i < AwxClient.MaxPageSize; i++)
        {
            var awxEvent = recorded[i % recorded.Count]!.DeepClone();
            awxEvent["counter"] = i + 1;
            results.Add(awxEvent);
        }

        sample["results"] = results;
        sample["count"] = results.Count;
        return JsonSerializer.SerializeToUtf8Bytes(sample);
    }

    public static AwxPage<AwxJobEvent> Parse(byte[] utf8) =>
        JsonSerializer.Deserialize<AwxPage<AwxJobEvent>>(utf8, AwxJson.Options)
        ?? throw new InvalidOperationException("The page parsed to null.");
}
