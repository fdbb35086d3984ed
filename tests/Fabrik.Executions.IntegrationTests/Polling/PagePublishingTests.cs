using System.Text.Json.Nodes;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>
/// What the poller publishes for each page of events it stores: the page whole, each event on its own, and the page
/// for the Gateways while a browser watches.
/// </summary>
public sealed class PagePublishingTests
{
    private const int Events = 450;

    [Test]
    public async Task Each_stored_page_is_published_as_one_JobEventsReceived_beside_a_JobEventReceived_per_event()
    {
        // No poller until the job has ended, so its first read finds every event and stores full pages: 200, 200, 50.
        await using var session = await PollingSession.StartAsync(pollers: 0);
        var executionId = await session.Gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = Events, ["emulator_events_per_second"] = 0 });
        var jobId = await session.AwxJobIdAsync(executionId);
        await session.WaitUntilAwxProcessedAsync(jobId);

        await session.Pipeline.StartPollerAsync();
        await session.FinishedMessageAsync(executionId);
        var singles = await Eventually.GetAsync(
            () => session.Probe.Received<JobEventReceived>().Where(e => e.ExecutionId == executionId).DistinctBy(e => e.Counter).ToList() is { Count: Events } all ? all : null,
            $"{Events} JobEventReceived", PollingSession.Deadline);
        var pages = await Eventually.GetAsync(
            () => session.Probe.Received<JobEventsReceived>().Where(p => p.ExecutionId == executionId).ToList() is var all && all.Sum(p => p.Events.Count) >= Events ? all : null,
            $"pages holding {Events} events", PollingSession.Deadline);

        Assert.That(pages.Select(page => page.Events.Select(e => e.Counter)).OrderBy(counters => counters.First()), Is.EqualTo(new[]
        {
            Counters(1, 200), Counters(201, 400), Counters(401, Events),
        }), "one message per stored page, its events in counter order");
        Assert.That(pages.Select(page => page.JobId), Is.All.EqualTo(jobId));
        Assert.That(pages.SelectMany(page => page.Events).Select(e => (e.Counter, e.Uuid, e.Stdout)).Order(),
            Is.EqualTo(singles.Select(e => (e.Counter, e.Uuid, e.Stdout)).Order()), "each event of a page is the one published on its own");
    }

    [Test]
    public async Task A_poller_told_not_to_publish_each_event_publishes_the_pages_alone()
    {
        var pagesAlone = new Dictionary<string, string?> { ["Poller:PublishEachEvent"] = "false" };
        await using var session = await PollingSession.StartAsync(pagesAlone);
        var executionId = await session.Gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = Events, ["emulator_events_per_second"] = 0 });

        await session.FinishedMessageAsync(executionId);
        await Eventually.TrueAsync(
            () => Task.FromResult(session.Probe.Received<JobEventsReceived>().Where(p => p.ExecutionId == executionId).SelectMany(p => p.Events).DistinctBy(e => e.Counter).Count() == Events),
            $"pages holding all {Events} events", PollingSession.Deadline);

        Assert.That(session.Probe.Received<JobEventReceived>().Count(e => e.ExecutionId == executionId), Is.Zero, "events published on their own");
    }

    [Test]
    public async Task Only_pages_of_an_execution_a_browser_watches_go_to_the_gateways()
    {
        await using var session = await PollingSession.StartAsync(pollers: 0);
        var watched = await session.Gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = Events, ["emulator_events_per_second"] = 0 });
        var unwatched = await session.Gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = Events, ["emulator_events_per_second"] = 0 });
        await using var browser = await OutputWatcher.ConnectAsync(session.Pipeline);
        await browser.SubscribeToOutputAsync(watched, afterCounter: 0);

        await session.Pipeline.StartPollerAsync();
        await session.FinishedMessageAsync(watched);
        await session.FinishedMessageAsync(unwatched);

        await Eventually.TrueAsync(() => Task.FromResult(browser.Counters.Count == Events), "the browser to receive every event live", PollingSession.Deadline);
        var forGateways = session.Probe.Received<WatchedJobEventsReceived>();
        Assert.That(forGateways.Where(page => page.ExecutionId == watched).SelectMany(page => page.Page.Events).Select(e => e.Counter).Distinct().Count(),
            Is.EqualTo(Events), "every page of the watched execution went to the Gateways");
        Assert.That(forGateways.Where(page => page.ExecutionId == unwatched), Is.Empty, "a page nobody watched went to the Gateways");
        Assert.That(session.Probe.Received<JobEventsReceived>().Where(page => page.ExecutionId == unwatched).Sum(page => page.Events.Count),
            Is.GreaterThanOrEqualTo(Events), "every page is published for everyone, watched or not");
    }

    private static IEnumerable<long> Counters(long from, long to) => Enumerable.Range((int)from, (int)(to - from + 1)).Select(counter => (long)counter);
}
