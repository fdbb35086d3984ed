using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fabrik.Executions.Benchmarks;

/// <summary>Launches executions of the emulator's synthetic job template through the Gateway, as the portal does.</summary>
internal static class SyntheticLaunches
{
    private const int Parallel = 8;

    public static async Task<Guid> LaunchAsync(HttpClient gateway, int events, int hosts, double eventsPerSecond)
    {
        using var response = await gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "job", ["id"] = 1, ["name"] = "Synthetic" },
            ["extra_vars"] = new JsonObject
            {
                ["emulator_events"] = events,
                ["emulator_hosts"] = hosts,
                ["emulator_events_per_second"] = eventsPerSecond.ToString("0.###", CultureInfo.InvariantCulture),
            },
            ["credentials"] = new JsonArray(),
            ["launched_by"] = "benchmarks",
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The Gateway refused a launch ({(int)response.StatusCode}): {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Launches <paramref name="count"/> alike executions, a few at a time, and calls <paramref name="launched"/> with each.</summary>
    public static async Task<IReadOnlyList<Guid>> LaunchManyAsync(
        HttpClient gateway, int count, int events, int hosts, double eventsPerSecond, Func<Guid, int, Task>? launched = null)
    {
        var ids = new Guid[count];
        await System.Threading.Tasks.Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
        {
            ids[i] = await LaunchAsync(gateway, events, hosts, eventsPerSecond);
            if (launched is not null)
            {
                await launched(ids[i], i);
            }
        });
        return ids;
    }
}
