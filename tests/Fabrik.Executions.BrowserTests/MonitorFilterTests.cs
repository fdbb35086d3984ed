using Fabrik.Executions.Contracts;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The monitor's filters, date range, output search and paging, answered by the server and kept in the address.</summary>
public sealed class MonitorFilterTests : BrowserTest
{
    private static readonly TemplateReference Backup = new() { Kind = TemplateKind.Job, Id = 905, Name = "Backup configs" };
    private static readonly TemplateReference Upgrade = new() { Kind = TemplateKind.Job, Id = 906, Name = "Upgrade firmware" };

    [Test]
    public async Task Filters_date_range_search_and_paging_narrow_the_history_and_survive_a_reload()
    {
        var operatorName = "monitor-" + Guid.NewGuid().ToString("N")[..8];
        var stored = new StoredExecutions(Pipeline.Storage);
        var upgrades = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            upgrades.Add(await stored.CreateAsync(Upgrade, 95_000 + i, [new JobEventDraft("runner_on_ok", $"ok: [leaf-{i}.lab]")], operatorName));
        }

        var failed = await stored.CreateAsync(
            Backup, 95_100, [new JobEventDraft("runner_on_failed", "fatal: [core-1.lab]: FAILED! tftp timed out")], operatorName, ExecutionStatus.Failed);
        await OpenAsync("/");
        var rows = Page.GetByTestId("executions").Locator("tbody tr");

        await Filters.GetByLabel("Launched by").FillAsync(operatorName);
        await Filters.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToContainTextAsync("Page 1 of 2 · 28 executions");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Older →" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Last).ToHaveAttributeAsync("data-execution", upgrades[0].ToString());

        await Filters.GetByLabel("To", new() { Exact = true }).FillAsync("2020-01-01T00:00");
        await Filters.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("No execution matches these filters.")).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Filters.GetByRole(AriaRole.Button, new() { Name = "Last 24 h" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" })).ToContainTextAsync("Page 1 of 2 · 28 executions");
        await Assertions.Expect(rows).ToHaveCountAsync(25);
        await Assertions.Expect(Filters.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(Filters.GetByLabel("From", new() { Exact = true })).Not.ToHaveValueAsync("");

        await Filters.GetByLabel("Status").SelectOptionAsync("failed");
        await Filters.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-execution", failed.ToString());

        await Filters.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Filters.GetByLabel("Template id").FillAsync("906");
        await Filters.GetByLabel("Search in output").FillAsync("leaf-13.lab");
        await Filters.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-execution", upgrades[13].ToString());

        await Page.ReloadAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(Filters.GetByLabel("Search in output")).ToHaveValueAsync("leaf-13.lab");
    }

    private ILocator Filters => Page.GetByRole(AriaRole.Form, new() { Name = "Filters" });
}
