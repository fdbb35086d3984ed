using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>Cancel of running, never launched and finished executions, from this system and from AWX's own UI.</summary>
public sealed class CancelTests
{
    private static readonly string[] TaskResults = ["runner_on_ok", "runner_on_failed", "runner_on_skipped", "runner_on_unreachable"];

    private OperatorSession session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => session = await SharedPipeline.SessionAsync();

    [Test]
    public async Task Cancel_of_a_running_job_stops_it_at_a_task_boundary_with_every_event_awx_emitted_stored()
    {
        var execution = await LaunchRunningAsync();

        using var response = await session.PostAsync($"/api/v1/executions/{execution.Id()}/cancel", "{}");

        var accepted = await OperatorSession.DataAsync(response, HttpStatusCode.Accepted);
        Assert.That(accepted.GetProperty("status").GetString(), Is.EqualTo("running"), "AWX stops it; the poller moves the status");
        var canceled = await session.WaitForStatusAsync(execution.Id(), "canceled");
        await AssertStoppedAtATaskBoundaryWithEveryEventAsync(canceled);
        Assert.That(canceled.GetProperty("finished_at").ValueKind, Is.EqualTo(JsonValueKind.String));
        var (by, at) = await CancelRecordAsync(execution.Id());
        Assert.That((by, at is not null), Is.EqualTo((session.Name, true)), "who canceled, and when");
        Assert.That(await session.Pipeline.QuerySingleAsync<long>(
            "select count(*) from operator_actions where execution_id = @id and action = 'cancel' and actor = @actor and status_code = 202",
            new { id = execution.Id(), actor = session.Name }), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancel_from_awx_ui_is_followed_to_canceled_the_same_way()
    {
        var execution = await LaunchRunningAsync();
        using var awx = session.Pipeline.Awx.CreateClient();

        using var response = await awx.PostAsync(new Uri($"api/v2/jobs/{execution.AwxJobId()}/cancel/", UriKind.Relative), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var canceled = await session.WaitForStatusAsync(execution.Id(), "canceled");
        await AssertStoppedAtATaskBoundaryWithEveryEventAsync(canceled);
        Assert.That((await CancelRecordAsync(execution.Id())).By, Is.Null, "no one here canceled it");
    }

    [Test]
    public async Task Cancel_before_the_launcher_claimed_the_launch_cancels_it_and_no_awx_job_appears()
    {
        var marker = Guid.NewGuid().ToString("N");
        var id = Guid.CreateVersion7();
        // As an execution is between its creation and its launch claim: stored, pending, never claimed.
        await session.Pipeline.ExecuteAsync(
            """
            insert into executions (id, request_id, template_kind, template_id, template_name, extra_vars, launched_by)
            values (@id, @marker, 'job', 1, 'Synthetic', jsonb_build_object('test_marker', @marker), 'alice')
            """,
            new { id, marker });

        using var response = await session.PostAsync($"/api/v1/executions/{id}/cancel");
        var launchedAgain = await session.LaunchAsync(marker, new JsonObject());

        var canceled = await OperatorSession.DataAsync(response, HttpStatusCode.OK);
        Assert.That(canceled.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(canceled.GetProperty("status_explanation").GetString(), Does.Contain("no AWX job was created"));
        Assert.That((launchedAgain.Id(), launchedAgain.GetProperty("status").GetString()), Is.EqualTo((id, "canceled")),
            "the launch of the same request finds it canceled and launches nothing");
        Assert.That(await session.AwxJobsMarkedAsync(marker), Is.Empty);
        Assert.That((await CancelRecordAsync(id)).By, Is.EqualTo(session.Name));
    }

    [Test]
    public async Task Cancel_of_a_finished_execution_is_409_saying_how_it_finished()
    {
        var execution = await session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject { ["emulator_events"] = 20 });
        await session.WaitForStatusAsync(execution.Id(), "successful");

        using var response = await session.PostAsync($"/api/v1/executions/{execution.Id()}/cancel");

        Assert.That(await OperatorSession.DetailAsync(response, HttpStatusCode.Conflict),
            Does.Contain($"Execution {execution.Id()} already finished as successful").And.Contain("can be canceled"));
    }

    [Test]
    public async Task Bulk_cancel_reports_per_execution_what_happened()
    {
        var first = await LaunchSlowAsync();
        var second = await LaunchSlowAsync();
        var finished = await session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject { ["emulator_events"] = 20 });
        await session.WaitForStatusAsync(finished.Id(), "successful");
        var unknown = Guid.NewGuid();

        using var response = await session.PostAsync("/api/v1/executions/cancel",
            JsonSerializer.Serialize(new { ids = new[] { first.Id(), finished.Id(), unknown, second.Id() } }));

        var results = (await OperatorSession.DataAsync(response, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.That(results.Select(result => (result.GetProperty("id").GetGuid(), result.GetProperty("result").GetString())), Is.EqualTo(new[]
        {
            (first.Id(), "cancel_requested"), (finished.Id(), "already_finished"), (unknown, "not_found"), (second.Id(), "cancel_requested"),
        }));
        Assert.That(results[1].GetProperty("detail").GetString(), Does.Contain("already finished as successful"));
        Assert.That(results[2].GetProperty("detail").GetString(), Does.Contain("does not exist"));
        await session.WaitForStatusAsync(first.Id(), "canceled");
        await session.WaitForStatusAsync(second.Id(), "canceled");
    }

    /// <summary>400 events at 40 a second: ten seconds of running to cancel in.</summary>
    private Task<JsonElement> LaunchSlowAsync() =>
        session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject
        {
            ["emulator_events"] = 400, ["emulator_hosts"] = 3, ["emulator_events_per_second"] = 40,
        });

    /// <summary>A slow job the poller follows as running, with its first 20 events stored.</summary>
    private async Task<JsonElement> LaunchRunningAsync()
    {
        var execution = await LaunchSlowAsync();
        await session.WaitForStatusAsync(execution.Id(), "running");
        await Eventually.TrueAsync(
            async () => await session.Pipeline.QuerySingleAsync<long>("select count(*) from job_events where execution_id = @id", new { id = execution.Id() }) >= 20,
            $"20 events of {execution.Id()} to be stored",
            OperatorSession.Deadline);
        return execution;
    }

    private Task<(string? By, DateTime? At)> CancelRecordAsync(Guid id) =>
        session.Pipeline.QuerySingleAsync<(string?, DateTime?)>("select cancel_requested_by, cancel_requested_at from executions where id = @id", new { id });

    /// <summary>
    /// AWX emitted fewer events than planned and no stats; the last task it started finished on every host that
    /// started it; and the database holds exactly the events AWX emitted.
    /// </summary>
    private async Task AssertStoppedAtATaskBoundaryWithEveryEventAsync(JsonElement canceled)
    {
        var jobId = canceled.AwxJobId();
        Assert.That((await session.AwxJobAsync(jobId)).GetProperty("status").GetString(), Is.EqualTo("canceled"));
        var emitted = session.Pipeline.Awx.GetEmittedEvents((int)jobId);
        var stored = await StoredEvent.ReadAsync(session.Pipeline, canceled.Id());

        Assert.That(stored.Select(e => (e.Counter, e.Event, e.Uuid)), Is.EqualTo(emitted.Select(e => ((long)e.Counter, e.Event, e.Uuid))),
            "every event AWX emitted is stored, once, in counter order");
        Assert.That(canceled.GetProperty("final_counter").GetInt64(), Is.EqualTo(emitted.Count));
        Assert.That(canceled.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(stored, Has.Count.LessThan(400), "the job was cut short");
        Assert.That(stored.Select(e => e.Event), Has.None.EqualTo("playbook_on_stats"));
        var lastTask = stored.Last(e => e.Event == "playbook_on_task_start");
        var started = stored.Where(e => e.ParentUuid == lastTask.Uuid && e.Event == "runner_on_start").Select(e => e.Host).ToList();
        var finished = stored.Where(e => e.ParentUuid == lastTask.Uuid && TaskResults.Contains(e.Event)).Select(e => e.Host).ToList();
        Assert.That(started, Is.Not.Empty);
        Assert.That(finished, Is.EquivalentTo(started), "the last task ran to its end on every host it started on");
    }
}
