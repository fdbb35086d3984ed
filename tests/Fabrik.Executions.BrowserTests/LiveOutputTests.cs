using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Testing;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The monitor and the output viewer following real jobs through the whole pipeline.</summary>
public sealed class LiveOutputTests : BrowserTest
{
    /// <summary>The per-host counts, in the order the hosts table shows them after host and status.</summary>
    private static readonly string[] CountColumns = ["ok", "changed", "failed", "unreachable", "skipped"];

    [Test]
    public async Task A_job_watched_from_the_monitor_to_the_end_shows_every_stored_line_once()
    {
        await OpenAsync("/");
        var executionId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 900, ["emulator_hosts"] = 6, ["emulator_failed_hosts"] = 1, ["emulator_tolerate_failures"] = true,
            ["emulator_events_per_second"] = 90,
        });

        var row = Page.Locator($"tr[data-execution='{executionId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "running");
        await Assertions.Expect(row.Locator(".progress")).Not.ToHaveAttributeAsync("aria-valuenow", "0");
        await Assertions.Expect(row.Locator("td").Last).Not.ToHaveTextAsync("0s");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("monitor.png") });

        await row.Locator("a").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Uri(Pipeline.GatewayUrl, $"/executions/{executionId}").ToString());
        var execution = await SyntheticJobs.WaitForResultsAsync(Gateway, executionId, Deadline);
        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "successful");
        await AssertHeaderAndFooterShownAsync(execution);
        var stored = await StoredOutput.ReadAsync(Pipeline, executionId);
        var terminal = new TerminalOnScreen(Page);
        await terminal.WaitForEventsAsync(stored.Events);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("viewer.png") });

        var screen = await terminal.ReadAllAsync();

        Assert.That(stored.Events, Is.EqualTo(900));
        Assert.That(await terminal.EventCountAsync(), Is.EqualTo(stored.Events));
        Assert.That(screen.Numbers, Is.EqualTo(Enumerable.Range(0, stored.Lines.Count)), "every line once, in order");
        Assert.That(screen.Lines, Is.EqualTo(stored.Lines));
        Assert.That(screen.MostRows, Is.LessThan(100), "the DOM holds only the rows on screen");
        await AssertHostResultsShownAsync(execution);
    }

    [Test]
    public async Task The_hosts_tab_of_a_running_job_tallies_the_results_streamed_so_far()
    {
        var executionId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 1_800, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = 60,
        });
        await OpenAsync($"/executions/{executionId}");
        await new TerminalOnScreen(Page).WaitForEventsAsync(30);

        await Page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^Hosts") }).ClickAsync();
        const string LiveCaption = "Live tally from the output so far: 3 hosts";
        var caption = Page.GetByTestId("host-results").Locator("caption");
        await Assertions.Expect(caption).ToHaveTextAsync(LiveCaption);
        var early = await ShownHostRowsAsync();
        var later = early;
        // The caption read after the rows is still the live one, so the rows were the live tally, not the final results.
        await Eventually.TrueAsync(
            async () => OkCount(later = await ShownHostRowsAsync()) > OkCount(early) && await caption.TextContentAsync() == LiveCaption,
            "the live tally to grow as more results stream in",
            Deadline);
        var execution = await SyntheticJobs.WaitForResultsAsync(Gateway, executionId, Deadline);
        await Assertions.Expect(caption).ToContainTextAsync("Per-host results");

        var final = execution.GetProperty("row_results").EnumerateArray().ToDictionary(
            row => row.GetProperty("host").GetString()!,
            row => CountColumns.Select(column => row.GetProperty(column).GetInt32()).ToArray());
        Assert.That(later.Select(cells => cells[0]), Is.EquivalentTo(final.Keys));
        foreach (var cells in later)
        {
            var counted = cells[2..].Select(cell => int.Parse(cell, CultureInfo.InvariantCulture)).ToArray();
            Assert.That(counted, Has.Some.GreaterThan(0), $"{cells[0]} has results counted");
            Assert.That(
                counted.Zip(final[cells[0]]).All(pair => pair.First <= pair.Second),
                $"{cells[0]}'s live tally {string.Join(',', counted)} never counts more than its results {string.Join(',', final[cells[0]])}");
        }
    }

    [TearDown]
    public void ClearFaults() => Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task Reopening_the_viewer_mid_run_loses_nothing_and_repeats_nothing()
    {
        // AWX shows events out of counter order and some late: the page must still read in counter order.
        Pipeline.Awx.Faults = new FaultSettings { OutOfOrderWindowMs = 400, LateVisibilityProbability = 0.02, LateVisibilityDelayMs = 1_500 };
        var executionId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 1_500, ["emulator_hosts"] = 4, ["emulator_events_per_second"] = 150,
        });
        await OpenAsync($"/executions/{executionId}");
        var terminal = new TerminalOnScreen(Page);
        await terminal.WaitForEventsAsync(200);

        await Page.GetByRole(AriaRole.Link, new() { Name = "← Executions" }).ClickAsync();
        await Assertions.Expect(terminal.Element).ToHaveCountAsync(0);
        var seenBeforeClosing = (await StoredOutput.ReadAsync(Pipeline, executionId)).Events;
        await Eventually.TrueAsync(
            async () => (await StoredOutput.ReadAsync(Pipeline, executionId)).Events >= seenBeforeClosing + 300,
            "300 more events stored while the viewer is closed",
            Deadline);
        await Page.GoBackAsync();

        await SyntheticJobs.WaitForResultsAsync(Gateway, executionId, Deadline);
        var stored = await StoredOutput.ReadAsync(Pipeline, executionId);
        await terminal.WaitForEventsAsync(stored.Events);
        var screen = await terminal.ReadAllAsync();

        Assert.That(await terminal.EventCountAsync(), Is.EqualTo(1_500));
        Assert.That(screen.Numbers, Is.EqualTo(Enumerable.Range(0, stored.Lines.Count)));
        Assert.That(screen.Lines, Is.EqualTo(stored.Lines));
    }

    [Test]
    public async Task A_stopped_Gateway_shows_reconnecting_then_the_output_resumes_without_a_gap()
    {
        await ConfigureAppAsync("{ stallSeconds: 2 }");
        var executionId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 2_400, ["emulator_hosts"] = 4, ["emulator_events_per_second"] = 120,
        });
        await OpenAsync($"/executions/{executionId}");
        var terminal = new TerminalOnScreen(Page);
        await terminal.WaitForEventsAsync(150);
        var reconnecting = Page.GetByTestId("reconnecting");
        await Assertions.Expect(reconnecting).ToHaveCountAsync(0);

        int heldWhileDown;
        await Pipeline.StopGatewayAsync();
        try
        {
            await Assertions.Expect(reconnecting).ToBeVisibleAsync();
            heldWhileDown = await terminal.EventCountAsync();
        }
        finally
        {
            await Pipeline.StartGatewayAsync();
        }

        await Assertions.Expect(reconnecting).ToHaveCountAsync(0);
        await terminal.WaitForEventsAsync(heldWhileDown + 1);
        await SyntheticJobs.WaitForResultsAsync(Gateway, executionId, Deadline);
        var stored = await StoredOutput.ReadAsync(Pipeline, executionId);
        await terminal.WaitForEventsAsync(stored.Events);
        var screen = await terminal.ReadAllAsync();

        Assert.That(heldWhileDown, Is.LessThan(2_400), "the Gateway was stopped mid-run");
        Assert.That(await terminal.EventCountAsync(), Is.EqualTo(2_400));
        Assert.That(screen.Numbers, Is.EqualTo(Enumerable.Range(0, stored.Lines.Count)));
        Assert.That(screen.Lines, Is.EqualTo(stored.Lines));
    }

    private async Task AssertHeaderAndFooterShownAsync(JsonElement execution)
    {
        var header = Page.Locator(".execution-header");
        await Assertions.Expect(header.Locator(".awx-job")).ToHaveTextAsync($"AWX job #{execution.GetProperty("awx_job_id").GetInt64()}");
        await Assertions.Expect(header.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync(
            "aria-valuenow", Math.Round(execution.GetProperty("progress_percentage").GetDouble()).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(Page.GetByTestId("elapsed")).ToHaveTextAsync(ShownDuration.Of(execution.GetProperty("elapsed_seconds").GetDouble()));
        await Assertions.Expect(Page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Open in AWX" }))
            .ToHaveAttributeAsync("href", execution.GetProperty("awx_job_url").GetString()!);
    }

    private async Task AssertHostResultsShownAsync(JsonElement execution)
    {
        await Page.GetByRole(AriaRole.Tab, new() { NameRegex = new("^Hosts") }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("partial-success")).ToBeVisibleAsync();
        var expected = execution.GetProperty("row_results").EnumerateArray()
            .Select(row => string.Join(' ', new[] { row.GetProperty("host").GetString(), row.GetProperty("status").GetString() }
                .Concat(CountColumns.Select(column => row.GetProperty(column).GetInt32().ToString(CultureInfo.InvariantCulture)))))
            .Order(StringComparer.Ordinal)
            .ToList();
        var shown = (await ShownHostRowsAsync()).Select(cells => string.Join(' ', cells));
        Assert.That(shown.Order(StringComparer.Ordinal), Is.EqualTo(expected));
        Assert.That(execution.GetProperty("partial_success").GetBoolean(), Is.True);
    }

    /// <summary>The hosts table's rows, each as its cells' text: host, status, then the counts in <see cref="CountColumns"/>' order.</summary>
    private Task<string[][]> ShownHostRowsAsync() =>
        Page.Locator("[data-testid=host-results] tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))");

    private static int OkCount(string[][] rows) => rows.Sum(cells => int.Parse(cells[2], CultureInfo.InvariantCulture));
}
