using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>Cancel and relaunch from the viewer's footer, the relaunch's mark, and the relaunch chain compared attempt by attempt.</summary>
public sealed class OperatorActionTests : BrowserTest
{
    [Test]
    public async Task Cancel_from_the_viewer_stops_the_running_job_and_the_page_shows_it_canceled()
    {
        var executionId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 3_000, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = 60,
        });
        await OpenAsync($"/executions/{executionId}");
        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "running");

        await Page.Locator("footer .actions").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel" }).ClickAsync();

        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "canceled");
        var execution = await SyntheticJobs.GetAsync(Gateway, executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(execution.GetProperty("final_counter").GetInt64(), Is.LessThan(3_000), "AWX stopped the job before its end");
        await Assertions.Expect(Page.Locator("footer .actions").GetByRole(AriaRole.Button, new() { Name = "Relaunch all hosts" })).ToBeEnabledAsync();
    }

    [Test]
    public async Task Relaunching_the_failed_hosts_from_the_viewer_runs_only_them_marked_as_a_relaunch_and_the_attempts_compare_side_by_side()
    {
        var originalId = await SyntheticJobs.LaunchAsync(Gateway, new JsonObject
        {
            ["emulator_events"] = 120, ["emulator_hosts"] = 4, ["emulator_failed_hosts"] = 1, ["emulator_unreachable_hosts"] = 1,
            ["emulator_events_per_second"] = 0,
        });
        await SyntheticJobs.WaitForResultsAsync(Gateway, originalId, Deadline);
        await OpenAsync($"/executions/{originalId}");

        await Page.Locator("footer .actions").GetByRole(AriaRole.Button, new() { Name = "Relaunch failed hosts" }).ClickAsync();

        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Uri(Pipeline.GatewayUrl, $"/executions/{originalId}").ToString());
        var relaunchId = Guid.Parse(Page.Url.Split('/').Last());
        await Assertions.Expect(Page.Locator(".execution-header .relaunch-mark")).ToHaveAttributeAsync("data-relaunch", "1");
        var relaunch = await SyntheticJobs.WaitForResultsAsync(Gateway, relaunchId, Deadline);
        Assert.That(relaunch.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(originalId));
        Assert.That(relaunch.GetProperty("limit").GetString(), Is.EqualTo("leaf-103.lab,leaf-104.lab"), "the failed and the unreachable host");

        await Page.GetByRole(AriaRole.Tab, new() { Name = "Attempts (2)" }).ClickAsync();
        var attempts = Page.GetByTestId("attempts").Locator("li");
        await Assertions.Expect(attempts).ToHaveCountAsync(2);
        await Assertions.Expect(attempts.Last).ToHaveClassAsync("is-current");
        var comparison = Page.GetByTestId("attempt-comparison");
        await Assertions.Expect(comparison.Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(HostRow(comparison, "leaf-101.lab").Locator("td").Nth(2)).ToHaveTextAsync("not run");
        await Assertions.Expect(HostRow(comparison, "leaf-104.lab").Locator("td").Nth(1)).ToContainTextAsync("unreachable");
        await Assertions.Expect(HostRow(comparison, "leaf-104.lab").Locator("td").Nth(2)).Not.ToHaveTextAsync("not run");

        await Page.GetByRole(AriaRole.Link, new() { Name = "← Executions" }).ClickAsync();
        var list = Page.GetByTestId("executions");
        await Assertions.Expect(list.Locator($"tr[data-execution='{relaunchId}'] .relaunch-mark[data-relaunch='1']")).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator($"tr[data-execution='{originalId}']")).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator($"tr[data-execution='{originalId}'] .relaunch-mark")).ToHaveCountAsync(0);
    }

    private static ILocator HostRow(ILocator comparison, string host) =>
        comparison.Locator("tbody tr").Filter(new() { Has = comparison.Page.Locator($"td:text-is('{host}')") });
}
