using System.Net;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class CancelTests : EmulatorTest
{
    [Test]
    public async Task Canceling_a_running_job_answers_202_and_stops_it_at_a_task_boundary()
    {
        const int hosts = 3;
        var jobId = await Api.LaunchAsync(1, new { emulator_events = 3000, emulator_hosts = hosts, emulator_events_per_second = 300 });
        await Eventually.UntilAsync(() => Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/"),
            page => page.GetProperty("count").GetInt32() >= 30, "the job to be under way");

        var (status, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/cancel/");
        var job = await Api.WaitUntilProcessedAsync(jobId);
        var events = await Api.AllEventsAsync(jobId);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(events, Has.Count.LessThan(3000));
        Assert.That(events.Select(Type), Has.None.EqualTo("playbook_on_stats"));
        var lastTaskStart = events.FindLastIndex(jobEvent => Type(jobEvent) == "playbook_on_task_start");
        var lastTaskResults = events.Skip(lastTaskStart + 1).Where(jobEvent => Type(jobEvent) is "runner_on_ok" or "runner_on_skipped");
        Assert.That(lastTaskResults.Count(), Is.EqualTo(hosts), "the task under way finishes on every host");
        Assert.That(Type(events[^1]), Is.AnyOf("runner_on_ok", "runner_on_skipped"));
    }

    [Test]
    public async Task Canceling_a_finished_job_is_405_and_can_cancel_turns_false()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);
        await Api.WaitUntilProcessedAsync(jobId);

        var (status, body) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/cancel/");
        var availability = await Api.GetAsync($"/api/v2/jobs/{jobId}/cancel/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Method \"POST\" not allowed."));
        Assert.That(availability.GetProperty("can_cancel").GetBoolean(), Is.False);
    }

    private static string Type(JsonElement jobEvent) => jobEvent.GetProperty("event").GetString()!;
}
