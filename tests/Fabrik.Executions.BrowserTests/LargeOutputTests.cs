using System.Globalization;
using Fabrik.Executions.Contracts;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>An output far larger than a page could hold as DOM.</summary>
public sealed class LargeOutputTests : BrowserTest
{
    private const int EventCount = 100_000;
    private const int EarlyNeedle = 50_000;
    private const int MiddleNeedle = 75_000;
    private const int LateNeedle = 99_990;

    [Test]
    public async Task A_hundred_thousand_event_output_scrolls_to_the_end_and_search_steps_between_lines_far_apart()
    {
        var events = Enumerable.Range(1, EventCount)
            .Select(counter => new JobEventDraft(
                "runner_on_ok",
                counter is EarlyNeedle or MiddleNeedle or LateNeedle
                    ? $"\u001b[0;33mchanged: [leaf-107.lab] => needle-in-the-haystack {Number(counter)}\u001b[0m"
                    : $"\u001b[0;32mok: [leaf-{100 + (counter % 50)}.lab] => event {Number(counter)}\u001b[0m",
                Host: $"leaf-{100 + (counter % 50)}.lab"))
            .ToList();
        var executionId = await new StoredExecutions(Pipeline.Storage).CreateAsync(
            new TemplateReference { Kind = TemplateKind.Job, Id = 901, Name = "Huge output" }, 9_001, events);

        await OpenAsync($"/executions/{executionId}");
        var terminal = new TerminalOnScreen(Page);
        await terminal.WaitForEventsAsync(EventCount);
        await terminal.PauseAutoscrollAsync();
        var scroller = Page.Locator(".terminal__scroll");
        await scroller.EvaluateAsync("element => { element.scrollTop = 0; }");
        await Assertions.Expect(Page.Locator("[data-line='0']")).ToContainTextAsync("event 1");
        var rowsAtTop = await terminal.Rows.CountAsync();

        await scroller.EvaluateAsync("element => { element.scrollTop = element.scrollHeight; }");
        var last = Page.Locator($"[data-line='{EventCount - 1}']");
        await Assertions.Expect(last).ToContainTextAsync($"event {EventCount}");
        await Assertions.Expect(last).ToBeInViewportAsync();
        var rowsAtEnd = await terminal.Rows.CountAsync();

        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Search output" }).FillAsync("needle-in-the-haystack");
        await Assertions.Expect(Page.Locator(".search__count")).ToHaveAttributeAsync("data-hits", "3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Next hit" }).ClickAsync();
        await AssertCurrentHitAsync(EarlyNeedle);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous hit" }).ClickAsync();
        await AssertCurrentHitAsync(LateNeedle);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Previous hit" }).ClickAsync();
        await AssertCurrentHitAsync(MiddleNeedle);
        await Assertions.Expect(Page.Locator(".search__count")).ToHaveTextAsync("2 / 3");
        await Assertions.Expect(last).Not.ToBeAttachedAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Resume autoscroll" }).ClickAsync();
        await Assertions.Expect(terminal.Element).ToHaveAttributeAsync("data-following", "true");
        await Assertions.Expect(last).ToBeInViewportAsync();

        Assert.That(await terminal.LineCountAsync(), Is.EqualTo(EventCount));
        Assert.That(rowsAtTop, Is.LessThan(100), "the DOM holds only the rows on screen");
        Assert.That(rowsAtEnd, Is.LessThan(100), "the DOM holds only the rows on screen");
        Assert.That(await terminal.Rows.CountAsync(), Is.LessThan(100));
    }

    /// <summary>The hit the search stands on is the needle of this counter's event, on screen.</summary>
    private async Task AssertCurrentHitAsync(int counter)
    {
        var hit = Page.Locator(".line--current");
        await Assertions.Expect(hit).ToHaveAttributeAsync("data-line", Number(counter - 1));
        await Assertions.Expect(hit).ToContainTextAsync($"changed: [leaf-107.lab] => needle-in-the-haystack {Number(counter)}");
        await Assertions.Expect(hit).ToBeInViewportAsync();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
