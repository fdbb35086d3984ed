using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>Job template 2 runs a real ansible-runner; the API must serve exactly what it wrote.</summary>
public sealed class RunnerTests : EmulatorTest
{
    [SetUp]
    public void RequireAnsibleRunner()
    {
        if (!Host.RunnerAvailable)
        {
            Assert.Ignore("ansible-runner is not installed on this machine.");
        }
    }

    [Test]
    public async Task Runner_job_serves_exactly_the_events_ansible_runner_wrote()
    {
        var jobId = await Api.LaunchAsync(2);
        var job = await Api.WaitUntilProcessedAsync(jobId);
        var served = await Api.AllEventsAsync(jobId);
        var artifacts = Host.GetRunnerArtifacts(jobId);
        var written = Directory.EnumerateFiles(artifacts.JobEventsDirectory, "*.json")
            .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement)
            .OrderBy(file => file.GetProperty("counter").GetInt32())
            .ToList();

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(written, Is.Not.Empty);
        Assert.That(served, Has.Count.EqualTo(written.Count));
        foreach (var (file, api) in written.Zip(served))
        {
            var counter = file.GetProperty("counter").GetInt32();
            Assert.That(api.GetProperty("counter").GetInt32(), Is.EqualTo(counter));
            foreach (var field in new[] { "uuid", "event", "stdout" })
            {
                Assert.That(api.GetProperty(field).GetString(), Is.EqualTo(file.GetProperty(field).GetString()), $"{field} of {counter}");
            }
            Assert.That(api.GetProperty("parent_uuid").GetString(),
                Is.EqualTo(file.TryGetProperty("parent_uuid", out var parent) ? parent.GetString() : ""), $"parent_uuid of {counter}");
            Assert.That(api.GetProperty("start_line").GetInt32(), Is.EqualTo(file.GetProperty("start_line").GetInt32()));
            Assert.That(api.GetProperty("end_line").GetInt32(), Is.EqualTo(file.GetProperty("end_line").GetInt32()));
            Assert.That(JsonElement.DeepEquals(api.GetProperty("event_data"), file.GetProperty("event_data")), Is.True, $"event_data of {counter}");
            Assert.That(DateTimeOffset.Parse(api.GetProperty("created").GetString()!, CultureInfo.InvariantCulture),
                Is.EqualTo(DateTimeOffset.Parse(file.GetProperty("created").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        }
        Assert.That(served.Any(jobEvent => jobEvent.GetProperty("stdout").GetString()!.Contains("\u001b[0;32m", StringComparison.Ordinal)), Is.True,
            "stdout keeps ansible's colours");
    }

    [Test]
    public async Task Runner_job_publishes_row_results_and_host_summaries()
    {
        var jobId = await Api.LaunchAsync(2);
        var job = await Api.WaitUntilProcessedAsync(jobId);
        var summaries = await Api.GetAsync($"/api/v2/jobs/{jobId}/job_host_summaries/");

        var row = job.GetProperty("artifacts").GetProperty("row_results")[0];
        var summary = summaries.GetProperty("results")[0];
        Assert.That(row.GetProperty("host").GetString(), Is.EqualTo("localhost"));
        Assert.That(summary.GetProperty("host_name").GetString(), Is.EqualTo("localhost"));
        Assert.That(summary.GetProperty("ok").GetInt32(), Is.EqualTo(row.GetProperty("ok").GetInt32()));
        Assert.That(summary.GetProperty("changed").GetInt32(), Is.EqualTo(row.GetProperty("changed").GetInt32()));
        Assert.That(summary.GetProperty("skipped").GetInt32(), Is.EqualTo(row.GetProperty("skipped").GetInt32()));
    }

    [Test]
    public async Task Canceling_a_running_runner_job_ends_it_canceled()
    {
        var jobId = await Api.LaunchAsync(2, new { emulator_pause_seconds = 60 });
        await Eventually.UntilAsync(() => Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/?event=runner_on_start&order_by=-counter"),
            page => page.GetProperty("count").GetInt32() > 0 && page.GetProperty("results")[0].GetProperty("task").GetString() == "Wait on request",
            "the run to reach the pause");

        var (status, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/cancel/");
        var job = await Api.WaitUntilProcessedAsync(jobId);

        Assert.That((int)status, Is.EqualTo(202));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(job.GetProperty("elapsed").GetDouble(), Is.LessThan(30));
    }

    [Test]
    public async Task Runner_job_that_fails_ends_failed()
    {
        var jobId = await Api.LaunchAsync(2, new { emulator_fail = true });

        var job = await Api.WaitUntilProcessedAsync(jobId);
        var failures = await Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/?event=runner_on_failed");

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(failures.GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(job.GetProperty("artifacts").EnumerateObject(), Is.Empty);
    }
}
