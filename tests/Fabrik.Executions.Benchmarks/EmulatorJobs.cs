using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Benchmarks;

/// <summary>What the AWX emulator knows that AWX would not tell: when each event became visible to pollers.</summary>
internal sealed class EmulatorJobs(HttpClient emulator)
{
    /// <summary>Counter → the moment the event became visible, for every event the job made visible.</summary>
    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> VisibleAtAsync(long jobId)
    {
        var emitted = await emulator.GetFromJsonAsync<JsonElement>($"/_emulator/jobs/{jobId}/emitted_events");
        var visible = new Dictionary<long, DateTimeOffset>();
        foreach (var item in emitted.EnumerateArray())
        {
            if (item.GetProperty("visible_at") is { ValueKind: JsonValueKind.String } at)
            {
                visible[item.GetProperty("counter").GetInt64()] = at.GetDateTimeOffset();
            }
        }

        return visible;
    }

    /// <summary>Waits until AWX reports the job over: every event is visible from then on.</summary>
    public Task WaitUntilOverAsync(long jobId) =>
        Eventually.TrueAsync(
            async () =>
            {
                var job = await emulator.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{jobId}/");
                return job.GetProperty("event_processing_finished").GetBoolean();
            },
            $"AWX job {jobId} to end",
            StoredExecutions.LongWait);
}
