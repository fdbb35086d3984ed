using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 5: the ingested job's whole history, read as a viewer opening a finished execution reads it (the hub:
/// subscribe from counter 0) and as a script reads it (<c>/events</c>, 1,000 per page); the first screenful and all.
/// </summary>
internal static class ReplayBenchmark
{
    private const int PageLimit = 1_000;

    public static async Task RunAsync(RunContext context)
    {
        var events = context.Sizes.IngestEvents;
        var screenful = context.Sizes.ScreenfulEvents;
        var execution = context.IngestedExecution;

        await using (var watcher = await HubWatcher.ConnectAsync(context.Stack.GatewayUrls[0], context.Stack.ApiKey))
        {
            var clock = Stopwatch.StartNew();
            var first = watcher.WhenCountAsync(execution, screenful);
            var all = watcher.WhenCountAsync(execution, events);
            var subscribed = watcher.SubscribeAsync(execution);
            await first;
            var firstScreen = clock.Elapsed;
            await Task.WhenAll(all, subscribed);
            Add(context, "hub", firstScreen, clock.Elapsed);
        }

        var page = Stopwatch.StartNew();
        await ReadPageAsync(context.Gateway, execution, 0, screenful);
        var firstPage = page.Elapsed;
        var full = Stopwatch.StartNew();
        var (after, read) = (0L, 0);
        while (true)
        {
            var (count, nextAfter, hasMore) = await ReadPageAsync(context.Gateway, execution, after, PageLimit);
            read += count;
            after = nextAfter;
            if (!hasMore)
            {
                break;
            }
        }

        if (read != events)
        {
            throw new InvalidOperationException($"/events returned {read} events of the {events} stored.");
        }

        Add(context, "/events", firstPage, full.Elapsed);
        context.Book.Note(Sections.Replay, $"The ingested execution's {events:N0} events. First screenful: {screenful} events (hub: from the subscribe call until {screenful} have arrived; /events: one page of limit={screenful}). Full: every event (hub: a first batch of 100, then batches of 1,000; /events: pages of limit={PageLimit}).");
    }

    private static void Add(RunContext context, string path, TimeSpan firstScreen, TimeSpan full)
    {
        context.Book.Add(Sections.Replay, $"first screenful over {path}", "ms", firstScreen.TotalMilliseconds, Target.Maximum(300));
        context.Book.Add(Sections.Replay, $"full history over {path}", "ms", full.TotalMilliseconds,
            Target.Maximum(3_000 * Math.Max(1, context.Sizes.IngestEvents / 100_000.0)));
    }

    private static async Task<(int Count, long NextAfter, bool HasMore)> ReadPageAsync(HttpClient gateway, Guid execution, long after, int limit)
    {
        var page = await gateway.GetFromJsonAsync<JsonElement>(string.Create(
            CultureInfo.InvariantCulture, $"/api/v1/executions/{execution}/events?after={after}&limit={limit}"));
        var cursor = page.GetProperty("cursor");
        return (page.GetProperty("data").GetArrayLength(), cursor.GetProperty("next_after").GetInt64(), cursor.GetProperty("has_more").GetBoolean());
    }
}
