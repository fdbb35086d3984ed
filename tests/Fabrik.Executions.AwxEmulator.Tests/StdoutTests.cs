
namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class StdoutTests : EmulatorTest
{
    [Test]
    public async Task Stdout_txt_is_the_whole_output_without_colours()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);
        await Api.WaitUntilProcessedAsync(jobId);

        using var txt = await Api.Client.GetAsync($"/api/v2/jobs/{jobId}/stdout/?format=txt");
        using var ansi = await Api.Client.GetAsync($"/api/v2/jobs/{jobId}/stdout/?format=ansi");
        var plain = await txt.Content.ReadAsStringAsync();
        var coloured = await ansi.Content.ReadAsStringAsync();

        Assert.That(plain, Does.StartWith("\nPLAY [Synthetic lab run] *"));
        Assert.That(plain, Does.Contain("PLAY RECAP").And.Contain("ok: [leaf-101.lab]").And.Not.Contain("\u001b[").And.Not.Contain("\r"));
        Assert.That(coloured, Does.Contain("\u001b[0;32m"));
    }
}
