using System.Diagnostics;
using System.Net;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class FaultTests : EmulatorTest
{
    [Test]
    public async Task Out_of_order_visibility_shows_gaps_that_fill_later()
    {
        const int events = 200;
        Host.Faults = new FaultSettings { OutOfOrderWindowMs = 400 };
        var jobId = await Api.LaunchSyntheticAsync(events, hosts: 3);

        var withGap = await Eventually.UntilAsync(() => VisibleCountersAsync(jobId), HasGap, "a poll that sees a gap");
        var complete = await Eventually.UntilAsync(() => VisibleCountersAsync(jobId), counters => counters.Count == events, "every event");

        Assert.That(withGap, Is.Not.Empty);
        Assert.That(complete, Is.EqualTo(Enumerable.Range(1, events)));
    }

    [Test]
    public async Task Event_processing_finished_turns_true_only_after_the_configured_delay()
    {
        Host.Faults = new FaultSettings { EventProcessingFinishedDelayMs = 600 };
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);

        var terminal = await Api.WaitForJobAsync(jobId, AwxApi.IsTerminal, "terminal");
        var sinceTerminal = Stopwatch.StartNew();
        await Api.WaitUntilProcessedAsync(jobId);

        Assert.That(terminal.GetProperty("event_processing_finished").GetBoolean(), Is.False);
        Assert.That(sinceTerminal.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(300)));
    }

    [Test]
    public async Task Event_processing_never_finishes_when_so_configured()
    {
        Host.Faults = new FaultSettings { EventProcessingNeverFinishes = true };
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);

        await Api.WaitForJobAsync(jobId, AwxApi.IsTerminal, "terminal");
        await Eventually.UntilAsync(() => VisibleCountersAsync(jobId), counters => counters.Count == 30, "every event");
        var job = await Api.JobAsync(jobId);

        Assert.That(job.GetProperty("event_processing_finished").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Events_that_never_become_visible_leave_their_gap_and_processing_unfinished()
    {
        Host.Faults = new FaultSettings { NeverVisibleCounters = [7, 12] };
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);

        await Api.WaitForJobAsync(jobId, AwxApi.IsTerminal, "terminal");
        var visible = await Eventually.UntilAsync(() => VisibleCountersAsync(jobId), counters => counters.Count == 28, "all but two events");
        var job = await Api.JobAsync(jobId);

        Assert.That(visible, Does.Not.Contain(7).And.Not.Contain(12));
        Assert.That(job.GetProperty("event_processing_finished").GetBoolean(), Is.False);
        Assert.That(Host.GetEmittedEvents(jobId).Where(jobEvent => jobEvent.VisibleAt is null).Select(jobEvent => jobEvent.Counter),
            Is.EqualTo(new[] { 7, 12 }));
    }

    [Test]
    public async Task Late_visibility_delays_some_events()
    {
        Host.Faults = new FaultSettings { LateVisibilityProbability = 1, LateVisibilityDelayMs = 500 };
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);

        await Api.WaitForJobAsync(jobId, AwxApi.IsTerminal, "terminal");
        var early = await VisibleCountersAsync(jobId);
        var late = await Eventually.UntilAsync(() => VisibleCountersAsync(jobId), counters => counters.Count == 30, "the late events");

        Assert.That(early, Has.Count.LessThan(30));
        Assert.That(late, Is.EqualTo(Enumerable.Range(1, 30)));
    }

    [Test]
    public async Task Server_error_rate_answers_5xx_with_a_detail_but_spares_the_admin_routes()
    {
        Host.Faults = new FaultSettings { ServerErrorRate = 1 };

        var (status, body) = await Api.SendAsync(HttpMethod.Get, "/api/v2/job_templates/");
        var (adminStatus, _) = await Api.SendAsync(HttpMethod.Get, "/_emulator/faults");

        Assert.That((int)status, Is.AnyOf(500, 502, 503));
        Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(adminStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Latency_slows_every_api_response()
    {
        Host.Faults = new FaultSettings { LatencyMs = 250 };
        var stopwatch = Stopwatch.StartNew();

        await Api.GetAsync("/api/v2/job_templates/1/");

        Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(240)));
    }

    [Test]
    public async Task Faults_set_through_the_admin_endpoint_apply_and_read_back()
    {
        var (status, _) = await Api.SendAsync(HttpMethod.Post, "/_emulator/faults", new { server_error_rate = 1.0, latency_ms = 5 });
        var readBack = await Api.GetAsync("/_emulator/faults");
        var (apiStatus, _) = await Api.SendAsync(HttpMethod.Get, "/api/v2/jobs/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(readBack.GetProperty("server_error_rate").GetDouble(), Is.EqualTo(1.0));
        Assert.That(readBack.GetProperty("latency_ms").GetInt32(), Is.EqualTo(5));
        Assert.That((int)apiStatus, Is.GreaterThanOrEqualTo(500));
        Assert.That(Host.Faults.ServerErrorRate, Is.EqualTo(1.0));
    }

    [TestCase("{\"server_error_rate\": 2}", "server_error_rate")]
    [TestCase("{\"latency_ms\": -1}", "latency_ms")]
    [TestCase("{\"no_such_fault\": true}", "detail")]
    public async Task Invalid_faults_are_400(string body, string field)
    {
        var (status, errors) = await Api.SendAsync(HttpMethod.Post, "/_emulator/faults", body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.TryGetProperty(field, out _), Is.True, errors.ToString());
    }

    [Test]
    public void Invalid_faults_are_refused_in_process()
    {
        Assert.Throws<ArgumentException>(() => Host.Faults = new FaultSettings { NeverVisibleFraction = 1.5 });
    }

    private async Task<List<int>> VisibleCountersAsync(int jobId) =>
        (await Api.AllEventsAsync(jobId)).Select(jobEvent => jobEvent.GetProperty("counter").GetInt32()).ToList();

    private static bool HasGap(List<int> counters) => counters.Count > 0 && counters[^1] > counters.Count;
}
