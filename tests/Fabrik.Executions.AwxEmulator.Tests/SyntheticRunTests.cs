using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Control;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class SyntheticRunTests : EmulatorTest
{
    [TestCase(50, 3, 0, 0)]
    [TestCase(211, 7, 2, 1)]
    [TestCase(1001, 10, 0, 3)]
    [TestCase(40, 4, 1, 3)]
    [TestCase(24, 1, 0, 0)]
    public async Task Job_emits_exactly_the_requested_events_with_counters_from_1(int events, int hosts, int failed, int unreachable)
    {
        var jobId = await Api.LaunchSyntheticAsync(events, hosts, new { emulator_failed_hosts = failed, emulator_unreachable_hosts = unreachable });

        await Api.WaitUntilProcessedAsync(jobId);
        var served = await Api.AllEventsAsync(jobId);

        Assert.That(served.Select(jobEvent => jobEvent.GetProperty("counter").GetInt32()), Is.EqualTo(Enumerable.Range(1, events)));
        Assert.That(served[0].GetProperty("event").GetString(), Is.EqualTo("playbook_on_start"));
        Assert.That(served[^1].GetProperty("event").GetString(), Is.EqualTo("playbook_on_stats"));
        Assert.That(served.Select(jobEvent => jobEvent.GetProperty("host_name").GetString()).Where(name => name!.Length > 0).Distinct().Count(),
            Is.EqualTo(hosts));
    }

    [Test]
    public async Task Expected_outcomes_agree_with_the_stats_event_host_summaries_and_row_results()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 120, hosts: 6, new { emulator_failed_hosts = 1, emulator_unreachable_hosts = 1 });
        var job = await Api.WaitUntilProcessedAsync(jobId);
        var expected = Host.GetExpectedHostOutcomes(jobId);

        var stats = (await Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/?event=playbook_on_stats")).GetProperty("results")[0].GetProperty("event_data");
        var summaries = (await Api.GetAsync($"/api/v2/jobs/{jobId}/job_host_summaries/")).GetProperty("results").EnumerateArray().ToList();
        var rows = job.GetProperty("artifacts").GetProperty("row_results").Deserialize<List<ExpectedHostOutcome>>(SnakeCase)!;

        Assert.That(expected.Select(outcome => outcome.Status), Is.EqualTo(new[] { "changed", "changed", "changed", "changed", "failed", "unreachable" }));
        Assert.That(rows, Is.EqualTo(expected));
        Assert.That(stats.GetProperty("artifact_data").GetProperty("row_results").Deserialize<List<ExpectedHostOutcome>>(SnakeCase), Is.EqualTo(expected));
        Assert.That(summaries, Has.Count.EqualTo(expected.Count));
        foreach (var outcome in expected)
        {
            var summary = summaries.Single(row => row.GetProperty("host_name").GetString() == outcome.Host);
            Assert.That(CountOf(stats, "ok", outcome.Host), Is.EqualTo(outcome.Ok).And.EqualTo(summary.GetProperty("ok").GetInt32()), outcome.Host);
            Assert.That(CountOf(stats, "changed", outcome.Host), Is.EqualTo(outcome.Changed).And.EqualTo(summary.GetProperty("changed").GetInt32()));
            Assert.That(CountOf(stats, "failures", outcome.Host), Is.EqualTo(outcome.Failed).And.EqualTo(summary.GetProperty("failures").GetInt32()));
            Assert.That(CountOf(stats, "dark", outcome.Host), Is.EqualTo(outcome.Unreachable).And.EqualTo(summary.GetProperty("dark").GetInt32()));
            Assert.That(CountOf(stats, "skipped", outcome.Host), Is.EqualTo(outcome.Skipped).And.EqualTo(summary.GetProperty("skipped").GetInt32()));
            Assert.That(summary.GetProperty("failed").GetBoolean(), Is.EqualTo(outcome.Status is "failed" or "unreachable"));
        }
        Assert.That(job.GetProperty("host_status_counts").GetProperty("changed").GetInt32(), Is.EqualTo(4));
        Assert.That(job.GetProperty("host_status_counts").GetProperty("failures").GetInt32(), Is.EqualTo(1));
        Assert.That(job.GetProperty("host_status_counts").GetProperty("dark").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Failed_hosts_fail_the_job()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 60, hosts: 3, new { emulator_failed_hosts = 1 });

        var job = await Api.WaitUntilProcessedAsync(jobId);

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(job.GetProperty("failed").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Tolerated_failures_end_successful_with_failed_hosts()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 60, hosts: 3, new { emulator_failed_hosts = 1, emulator_tolerate_failures = true });

        var job = await Api.WaitUntilProcessedAsync(jobId);

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(job.GetProperty("host_status_counts").GetProperty("failures").GetInt32(), Is.EqualTo(1));
        Assert.That(Host.GetExpectedHostOutcomes(jobId).Count(outcome => outcome.Status == "failed"), Is.EqualTo(1));
    }

    [Test]
    public async Task Artifacts_off_leaves_artifacts_empty()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2, new { emulator_artifacts = false });

        var job = await Api.WaitUntilProcessedAsync(jobId);

        Assert.That(job.GetProperty("artifacts").EnumerateObject(), Is.Empty);
    }

    [Test]
    public async Task Limit_runs_only_the_named_hosts()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 40, hosts: 5, limit: "leaf-101.lab:leaf-104.lab");

        await Api.WaitUntilProcessedAsync(jobId);
        var hostNames = (await Api.AllEventsAsync(jobId)).Select(jobEvent => jobEvent.GetProperty("host_name").GetString()).Where(name => name!.Length > 0).Distinct();

        Assert.That(hostNames, Is.EquivalentTo(new[] { "leaf-101.lab", "leaf-104.lab" }));
        Assert.That(Host.GetExpectedHostOutcomes(jobId).Select(outcome => outcome.Host), Is.EqualTo(new[] { "leaf-101.lab", "leaf-104.lab" }));
    }

    [Test]
    public async Task Parent_uuids_and_lines_chain_as_ansible_runner_reports_them()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 80, hosts: 3);
        await Api.WaitUntilProcessedAsync(jobId);
        var events = await Api.AllEventsAsync(jobId);
        var byUuid = events.ToDictionary(jobEvent => jobEvent.GetProperty("uuid").GetString()!);

        foreach (var jobEvent in events.Skip(1))
        {
            var parent = byUuid[jobEvent.GetProperty("parent_uuid").GetString()!];
            Assert.That(parent.GetProperty("event_level").GetInt32(), Is.LessThan(jobEvent.GetProperty("event_level").GetInt32()),
                $"counter {jobEvent.GetProperty("counter")}");
        }
        for (var index = 1; index < events.Count; index++)
        {
            Assert.That(events[index].GetProperty("start_line").GetInt32(), Is.EqualTo(events[index - 1].GetProperty("end_line").GetInt32()));
        }
        Assert.That(events.Where(jobEvent => jobEvent.GetProperty("stdout").GetString()!.Contains("\u001b[0;32mok: [leaf-101.lab]\u001b[0m", StringComparison.Ordinal)),
            Is.Not.Empty);
    }

    // AWX, on playbook_on_stats, flags the parents of failed and changed events: the task events, not the play.
    [Test]
    public async Task Task_events_are_flagged_failed_and_changed_after_the_stats()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 50, hosts: 3, new { emulator_failed_hosts = 1 });
        await Api.WaitUntilProcessedAsync(jobId);
        var events = await Api.AllEventsAsync(jobId);
        var byUuid = events.ToDictionary(jobEvent => jobEvent.GetProperty("uuid").GetString()!);

        var failedResult = events.Single(jobEvent => jobEvent.GetProperty("event").GetString() == "runner_on_failed");
        var failedTask = byUuid[failedResult.GetProperty("parent_uuid").GetString()!];
        var changedResult = events.First(jobEvent => jobEvent.GetProperty("changed").GetBoolean() && jobEvent.GetProperty("event").GetString() == "runner_on_ok");
        var play = events.Single(jobEvent => jobEvent.GetProperty("event").GetString() == "playbook_on_play_start");

        Assert.That(failedResult.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(failedTask.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(byUuid[changedResult.GetProperty("parent_uuid").GetString()!].GetProperty("changed").GetBoolean(), Is.True);
        Assert.That(play.GetProperty("failed").GetBoolean(), Is.False);
    }

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static int CountOf(JsonElement stats, string key, string host) =>
        stats.GetProperty(key).TryGetProperty(host, out var count) ? count.GetInt32() : 0;
}
