using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Awx;

namespace Fabrik.Executions.IntegrationTests.Polling;

public sealed class PollQueryTests
{
    [Test]
    public async Task The_poller_asks_for_job_events_by_counter_untruncated_in_full_pages_and_follows_AWX_next_links()
    {
        // No poller until the job has ended, so its first read finds every event and must page through them.
        await using var session = await PollingSession.StartAsync(pollers: 0);
        var executionId = await session.Gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = 450, ["emulator_events_per_second"] = 0 });
        var jobId = await session.AwxJobIdAsync(executionId);
        await session.WaitUntilAwxProcessedAsync(jobId);

        await session.Pipeline.StartPollerAsync();
        await session.Gateway.WaitForResultsAsync(executionId, PollingSession.Deadline);

        var eventsPath = $"/api/v2/jobs/{jobId}/job_events/";
        var reads = session.Pipeline.Awx.GetApiRequests().Where(request => request.Path == eventsPath).Select(request => request.Query).ToList();
        Assert.That(reads, Has.Count.GreaterThanOrEqualTo(3));
        Assert.That(reads[0], Is.EquivalentTo(new Dictionary<string, string>
        {
            ["counter__gt"] = "0", ["order_by"] = "counter", ["page_size"] = "200", ["no_truncate"] = "1",
        }), "the first read starts after the stored watermark (none yet)");
        var second = await NextOfAsync(session.Awx, eventsPath, reads[0]);
        Assert.That(reads[1], Is.EquivalentTo(second), "page 2 is read through AWX's next link");
        Assert.That(reads[2], Is.EquivalentTo(await NextOfAsync(session.Awx, eventsPath, second)), "page 3 too");
        Assert.That(reads, Has.All.Matches<IReadOnlyDictionary<string, string>>(query =>
                query.GetValueOrDefault("no_truncate") == "1" && query.GetValueOrDefault("page_size") == "200" && query.GetValueOrDefault("order_by") == "counter"),
            "every read asks for whole stdout, full pages, in counter order");
    }

    /// <summary>The query of the relative <c>next</c> link AWX answers <paramref name="query"/> with.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> NextOfAsync(HttpClient awx, string path, IReadOnlyDictionary<string, string> query)
    {
        var url = $"{path}?{string.Join('&', query.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"))}";
        var next = (await awx.GetFromJsonAsync<JsonElement>(url)).GetProperty("next").GetString();
        Assert.That(next, Does.StartWith(path), $"AWX's next link for {url} is relative to the job's events");
        return RelativeLink.ParseQuery(next!, path);
    }
}
