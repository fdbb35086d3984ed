using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>AWX creates host summaries when it saves playbook_on_stats, so there are none before.</summary>
public sealed class HostSummaryTests : EmulatorTest
{
    [Test]
    public async Task Host_summaries_are_empty_until_the_stats_event_is_visible()
    {
        const int events = 40;
        Host.Faults = new FaultSettings { NeverVisibleCounters = [events] };
        var jobId = await Api.LaunchSyntheticAsync(events, hosts: 3);

        var job = await Api.WaitForJobAsync(jobId, AwxApi.IsTerminal, "terminal");
        await Eventually.UntilAsync(() => Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/"),
            page => page.GetProperty("count").GetInt32() == events - 1, "every event but the stats to be visible");
        var summaries = await Api.GetAsync($"/api/v2/jobs/{jobId}/job_host_summaries/");

        Assert.That(summaries.GetProperty("count").GetInt32(), Is.Zero);
        Assert.That(summaries.GetProperty("results").GetArrayLength(), Is.Zero);
        Assert.That((await Api.JobAsync(jobId)).GetProperty("host_status_counts").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("successful"));
    }

    [Test]
    public async Task Host_summaries_have_awx_shape_after_the_stats()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 40, hosts: 3, new { emulator_unreachable_hosts = 1 });
        await Api.WaitUntilProcessedAsync(jobId);

        var summaries = await Api.GetAsync($"/api/v2/jobs/{jobId}/job_host_summaries/");
        var unreachable = summaries.GetProperty("results").EnumerateArray().Single(row => row.GetProperty("host_name").GetString() == "leaf-103.lab");

        Assert.That(summaries.GetProperty("count").GetInt32(), Is.EqualTo(3));
        Assert.That(unreachable.GetProperty("type").GetString(), Is.EqualTo("job_host_summary"));
        Assert.That(unreachable.GetProperty("job").GetInt32(), Is.EqualTo(jobId));
        Assert.That(unreachable.GetProperty("summary_fields").GetProperty("host").GetProperty("name").GetString(), Is.EqualTo("leaf-103.lab"));
        Assert.That(unreachable.GetProperty("dark").GetInt32(), Is.EqualTo(1));
        Assert.That(unreachable.GetProperty("failed").GetBoolean(), Is.True);
        foreach (var field in new[] { "host", "changed", "failures", "ok", "processed", "skipped", "ignored", "rescued" })
        {
            Assert.That(unreachable.TryGetProperty(field, out _), Is.True, field);
        }
    }
}
