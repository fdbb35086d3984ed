using System.Globalization;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>What the output viewer's terminal shows, read from the page's DOM.</summary>
internal sealed class TerminalOnScreen(IPage page)
{
    /// <summary>
    /// Scrolls the terminal from top to bottom a screen at a time, as a reader would, and collects every row the DOM
    /// renders on the way, by its line number; also the most rows the DOM held at once.
    /// </summary>
    private const string ReadAllScript = """
        async () => {
          const scroller = document.querySelector('.terminal__scroll');
          const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const lines = new Map();
          let mostRows = 0;
          scroller.scrollTop = 0;
          await frames();
          for (;;) {
            const rows = scroller.querySelectorAll('[data-line]');
            mostRows = Math.max(mostRows, rows.length);
            for (const row of rows) {
              lines.set(Number(row.dataset.line), row.querySelector('.line__text').textContent);
            }
            if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
              break;
            }
            scroller.scrollTop += scroller.clientHeight - 36;
            await frames();
          }
          const numbers = [...lines.keys()].sort((a, b) => a - b);
          return { numbers, lines: numbers.map((number) => lines.get(number)), mostRows };
        }
        """;

    public ILocator Element => page.Locator(".terminal");

    public ILocator Rows => page.Locator(".terminal [data-line]");

    public async Task<int> EventCountAsync() => Number(await Element.GetAttributeAsync("data-events"));

    public async Task<int> LineCountAsync() => Number(await Element.GetAttributeAsync("data-lines"));

    public Task PauseAutoscrollAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Pause autoscroll" }).ClickAsync();

    /// <summary>Waits until the terminal holds at least this many events.</summary>
    public async Task WaitForEventsAsync(int atLeast) =>
        await page.WaitForFunctionAsync(
            "n => Number(document.querySelector('.terminal')?.dataset.events ?? 0) >= n",
            atLeast,
            new PageWaitForFunctionOptions { PollingInterval = 50 });

    /// <summary>Pauses autoscroll unless it is paused already, then reads every row.</summary>
    public async Task<ScreenLines> ReadAllAsync()
    {
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Pause autoscroll" }).IsVisibleAsync())
        {
            await PauseAutoscrollAsync();
        }

        return await page.EvaluateAsync<ScreenLines>(ReadAllScript);
    }

    private static int Number(string? value) => int.Parse(value ?? "0", CultureInfo.InvariantCulture);
}

/// <summary>Rows read off the screen: their line numbers (0-based), their text, and the most rows the DOM held at once.</summary>
internal sealed class ScreenLines
{
    public int[] Numbers { get; set; } = [];

    public string[] Lines { get; set; } = [];

    public int MostRows { get; set; }
}
