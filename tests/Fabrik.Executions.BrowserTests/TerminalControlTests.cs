using System.Globalization;
using Fabrik.Executions.Contracts;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The terminal's filters and downloads on an output with every kind of line Ansible writes.</summary>
public sealed class TerminalControlTests : BrowserTest
{
    private const long AwxJobId = 9_004;

    private static readonly JobEventDraft[] MixedOutput =
    [
        new("playbook_on_play_start", "PLAY [Patch web servers] *******************************************************"),
        new("playbook_on_task_start", "TASK [Install packages] ********************************************************"),
        new("runner_on_ok", "\u001b[0;32mok: [web-1.lab]\u001b[0m", "web-1.lab"),
        new("runner_on_ok", "\u001b[0;33mchanged: [web-2.lab]\u001b[0m", "web-2.lab", Changed: true),
        new("runner_on_failed", "\u001b[0;31mfatal: [web-3.lab]: FAILED! => {\"msg\": \"No space left on device\"}\u001b[0m", "web-3.lab"),
        new("runner_on_skipped", "\u001b[0;36mskipping: [web-4.lab]\u001b[0m", "web-4.lab"),
        new("runner_on_unreachable", "\u001b[1;31mfatal: [web-5.lab]: UNREACHABLE! => {\"msg\": \"ssh: connect timed out\"}\u001b[0m", "web-5.lab"),
        new("verbose", "\u001b[1;35m[WARNING]: Could not match supplied host pattern, ignoring: db\u001b[0m"),
        new("playbook_on_stats", "PLAY RECAP *********************************************************************\r\n"
                                 + "web-1.lab : ok=1 changed=0 unreachable=0 failed=0 skipped=0"),
    ];

    /// <summary>What <see cref="MixedOutput"/> reads as, line by line, colours removed.</summary>
    private static readonly string[] Lines =
    [
        "PLAY [Patch web servers] *******************************************************",
        "TASK [Install packages] ********************************************************",
        "ok: [web-1.lab]",
        "changed: [web-2.lab]",
        "fatal: [web-3.lab]: FAILED! => {\"msg\": \"No space left on device\"}",
        "skipping: [web-4.lab]",
        "fatal: [web-5.lab]: UNREACHABLE! => {\"msg\": \"ssh: connect timed out\"}",
        "[WARNING]: Could not match supplied host pattern, ignoring: db",
        "PLAY RECAP *********************************************************************",
        "web-1.lab : ok=1 changed=0 unreachable=0 failed=0 skipped=0",
    ];

    private static readonly int[] TaskResultLines = [2, 3, 4, 5, 6];
    private static readonly int[] ProblemLines = [4, 6, 7];

    private TerminalOnScreen Terminal => new(Page);

    [Test]
    public async Task The_output_filter_keeps_only_task_results_and_the_errors_filter_only_failures_and_warnings()
    {
        await OpenMixedOutputAsync();

        await ShowAsync("Errors", ProblemLines.Length);
        var errors = await Terminal.ReadAllAsync();
        await ShowAsync("Output", TaskResultLines.Length);
        var results = await Terminal.ReadAllAsync();
        await ShowAsync("All", Lines.Length);
        var all = await Terminal.ReadAllAsync();

        Assert.That(all.Numbers, Is.EqualTo(Enumerable.Range(0, Lines.Length)));
        Assert.That(all.Lines, Is.EqualTo(Lines));
        Assert.That(errors.Numbers, Is.EqualTo(ProblemLines));
        Assert.That(errors.Lines, Is.EqualTo(ProblemLines.Select(line => Lines[line])));
        Assert.That(results.Numbers, Is.EqualTo(TaskResultLines));
        Assert.That(results.Lines, Is.EqualTo(TaskResultLines.Select(line => Lines[line])));
    }

    [Test]
    public async Task Both_downloads_are_the_Gateway_stdout_byte_for_byte()
    {
        var executionId = await OpenMixedOutputAsync();

        var (txtName, txt) = await DownloadAsync("Download .txt");
        var (ansiName, ansi) = await DownloadAsync("Download .ansi");

        Assert.That(txtName, Is.EqualTo($"Patch_web_servers-{AwxJobId}.txt"));
        Assert.That(txt, Is.EqualTo(await Gateway.GetByteArrayAsync($"/api/v1/executions/{executionId}/stdout?format=txt")));
        Assert.That(ansiName, Is.EqualTo($"Patch_web_servers-{AwxJobId}.ansi.txt"));
        Assert.That(ansi, Is.EqualTo(await Gateway.GetByteArrayAsync($"/api/v1/executions/{executionId}/stdout?format=ansi")));
        Assert.That(ansi, Is.Not.EqualTo(txt), "the ansi download keeps the colours the txt one drops");
    }

    private async Task<Guid> OpenMixedOutputAsync()
    {
        var executionId = await new StoredExecutions(Pipeline.Storage).CreateAsync(
            new TemplateReference { Kind = TemplateKind.Job, Id = 904, Name = "Patch web servers" }, AwxJobId, MixedOutput);
        await OpenAsync($"/executions/{executionId}");
        await Terminal.WaitForEventsAsync(MixedOutput.Length);
        return executionId;
    }

    private async Task ShowAsync(string filter, int lines)
    {
        await Page.GetByRole(AriaRole.Group, new() { Name = "Show" }).GetByRole(AriaRole.Button, new() { Name = filter, Exact = true }).ClickAsync();
        await Assertions.Expect(Terminal.Element).ToHaveAttributeAsync("data-view-lines", lines.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<(string Name, byte[] Bytes)> DownloadAsync(string button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
