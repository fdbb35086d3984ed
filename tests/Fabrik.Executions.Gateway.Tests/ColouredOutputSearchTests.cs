using System.Text.Json;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Output is searched as people read it: a colour code inside a phrase does not hide the phrase.</summary>
public sealed class ColouredOutputSearchTests
{
    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Phrase_spanning_colour_codes_is_found_by_the_list_the_events_and_the_search()
    {
        var tenant = "tenant-" + Guid.NewGuid().ToString("N")[..8];
        var phrase = Uri.EscapeDataString($"pushed to {tenant} blue");
        var job = Random.Shared.NextInt64(30_000_000, 40_000_000);
        var id = await environment.Data.CreateRunningAsync(job);
        await environment.Data.StoreAsync(id, job,
        [
            SampleEvents.Create(id, job, 1) with { Stdout = $"\u001b[0;32mok: [leaf-1] => {tenant} untouched\u001b[0m", StartLine = 0, EndLine = 1 },
            SampleEvents.Create(id, job, 2) with
            {
                Stdout = $"\u001b[0;33mchanged: [leaf-2] => pushed to \u001b[1;34m{tenant}\u001b[0;33m blue\u001b[0m\r\n"
                         + $"\u001b[0;33m  and Pushed To \u001b[1m{tenant}\u001b[0m BLUE again\u001b[0m",
                StartLine = 1,
                EndLine = 3,
            },
        ]);

        var listed = await Http.GetOkAsync($"/api/v1/executions?q={phrase}");
        var events = await Http.GetOkAsync($"/api/v1/executions/{id}/events?q={phrase}");
        var search = await Http.GetOkAsync($"/api/v1/executions/{id}/search?q={phrase}");

        Assert.That(listed.Ids(), Is.EqualTo(new[] { id }));
        Assert.That(events.Data().Select(e => e.GetProperty("counter").GetInt64()), Is.EqualTo(new[] { 2L }));
        Assert.That(search.Data().Select(Hit), Is.EqualTo(new[]
        {
            $"{job}/2 line 2: changed: [leaf-2] => pushed to {tenant} blue",
            $"{job}/2 line 3:   and Pushed To {tenant} BLUE again",
        }));
        Assert.That(search.GetProperty("pagination").GetProperty("total_items").GetInt64(), Is.EqualTo(2));
    }

    private static string Hit(JsonElement hit) =>
        $"{hit.GetProperty("job_id").GetInt64()}/{hit.GetProperty("counter").GetInt64()} line {hit.GetProperty("line_number").GetInt64()}: "
        + hit.GetProperty("line").GetString();
}
