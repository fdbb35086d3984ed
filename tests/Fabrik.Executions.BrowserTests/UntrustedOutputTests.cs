using System.Text.RegularExpressions;
using Fabrik.Executions.Contracts;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// Output is text: whatever a playbook prints, the page shows it and runs none of it; its ANSI colours and each
/// line's result become classes on the escaped text.
/// </summary>
public sealed class UntrustedOutputTests : BrowserTest
{
    private const string Script = "<script>window.__injected = 'script';</script>";
    private const string Image = "<img src=x onerror=\"window.__injected = 'img'\">";
    private const string Styled = "\u001b[0;31m<b onclick=\"window.__injected = 'click'\">fatal</b>\u001b[0m";
    private const string ChangedLine = "\u001b[0;33mchanged: [leaf-103.lab]\u001b[0m";
    private const string TemplateName = "<i>Nightly</i> <script>window.__injected = 'name'</script>";

    [Test]
    public async Task Stdout_with_html_and_script_shows_as_coloured_text_and_never_runs()
    {
        var executionId = await new StoredExecutions(Pipeline.Storage).CreateAsync(
            new TemplateReference { Kind = TemplateKind.Job, Id = 902, Name = TemplateName },
            9_002,
            [
                new JobEventDraft("playbook_on_start", ""),
                new JobEventDraft("runner_on_ok", $"ok: [leaf-101.lab] => {Script}", "leaf-101.lab"),
                new JobEventDraft("runner_on_failed", $"{Styled}\r\n{Image}", "leaf-102.lab"),
                new JobEventDraft("runner_on_ok", ChangedLine, "leaf-103.lab", Changed: true),
            ],
            launchedBy: "<u>mallory</u>");

        await OpenAsync($"/executions/{executionId}");
        var terminal = new TerminalOnScreen(Page);
        await terminal.WaitForEventsAsync(4);

        await Assertions.Expect(Page.Locator("[data-line='0'] .line__text")).ToHaveTextAsync($"ok: [leaf-101.lab] => {Script}");
        await Assertions.Expect(Page.Locator("[data-line='1'] .line__text")).ToHaveTextAsync("<b onclick=\"window.__injected = 'click'\">fatal</b>");
        await Assertions.Expect(Page.Locator("[data-line='2'] .line__text")).ToHaveTextAsync(Image);
        await Assertions.Expect(Page.Locator("[data-line='0']")).ToHaveClassAsync(LineOf("ok"));
        await Assertions.Expect(Page.Locator("[data-line='1']")).ToHaveClassAsync(LineOf("failed"));
        await Assertions.Expect(Page.Locator("[data-line='1'] .line__text .ansi-red-fg")).ToHaveTextAsync("<b onclick=\"window.__injected = 'click'\">fatal</b>");
        await Assertions.Expect(Page.Locator("[data-line='2']")).ToHaveClassAsync(LineOf("failed"));
        await Assertions.Expect(Page.Locator("[data-line='3']")).ToHaveClassAsync(LineOf("changed"));
        await Assertions.Expect(Page.Locator("[data-line='3'] .line__text .ansi-yellow-fg")).ToHaveTextAsync("changed: [leaf-103.lab]");
        await Assertions.Expect(Page.GetByTestId("template-name")).ToHaveTextAsync(TemplateName);
        await Assertions.Expect(Page.GetByText("<u>mallory</u>")).ToBeVisibleAsync();
        await Page.Locator("[data-line='1'] .line__text").ClickAsync();

        Assert.That(await Page.Locator("main script, main img, main b, main i, main u").CountAsync(), Is.Zero, "no markup from output became elements");
        Assert.That(await Page.EvaluateAsync<string?>("() => window.__injected ?? null"), Is.Null, "nothing from the output ran");
    }

    private static Regex LineOf(string kind) => new($"(^| )line--{kind}( |$)");
}
