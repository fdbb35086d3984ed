using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary><c>emulator_error</c> ends a job as AWX ends one whose worker broke off: status error, no stats.</summary>
public sealed class JobErrorTests : EmulatorTest
{
    private const string WorkerDetail = "Finished with error: exit status 137";

    [Test]
    public async Task Emulator_error_ends_the_job_error_after_the_first_task_with_awx_explanation_and_traceback()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 60, hosts: 3, new { emulator_error = WorkerDetail });

        var job = await Api.WaitUntilProcessedAsync(jobId);
        var events = await Api.AllEventsAsync(jobId);
        var summaries = await Api.GetAsync($"/api/v2/jobs/{jobId}/job_host_summaries/");

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(job.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(job.GetProperty("job_explanation").GetString(), Is.EqualTo("Job terminated due to error"));
        Assert.That(job.GetProperty("result_traceback").GetString(), Is.EqualTo($"Receptor detail:\n{WorkerDetail}"));
        Assert.That(job.GetProperty("finished").GetString(), Is.Not.Null);
        Assert.That(job.GetProperty("host_status_counts").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(job.GetProperty("artifacts").EnumerateObject(), Is.Empty);
        Assert.That(summaries.GetProperty("count").GetInt32(), Is.Zero);
        Assert.That(events.Select(jobEvent => jobEvent.GetProperty("counter").GetInt32()), Is.EqualTo(Enumerable.Range(1, events.Count)));
        Assert.That(events, Has.Count.LessThan(60));
        Assert.That(events.Where(jobEvent => Type(jobEvent) == "playbook_on_task_start").Select(jobEvent => jobEvent.GetProperty("task").GetString()),
            Is.EqualTo(new[] { "Gather lab facts" }), "the first task runs, nothing after it");
        Assert.That(events.Select(Type), Has.None.EqualTo("playbook_on_stats"));
    }

    [Test]
    public async Task Errored_jobs_are_listed_under_status_error_with_their_explanation()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2, new { emulator_error = WorkerDetail });
        await Api.WaitUntilProcessedAsync(jobId);

        var listed = (await Api.WalkAsync("/api/v2/jobs/?status=error&page_size=200")).Single(job => job.GetProperty("id").GetInt32() == jobId);

        Assert.That(listed.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(listed.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(listed.GetProperty("job_explanation").GetString(), Is.EqualTo("Job terminated due to error"));
    }

    [TestCase("5")]
    [TestCase("true")]
    [TestCase("[\"lost\"]")]
    [TestCase("{\"detail\": \"lost\"}")]
    [TestCase("\"\"")]
    [TestCase("\"  \"")]
    public async Task Emulator_error_that_is_not_a_message_is_400_naming_the_var(string value)
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/",
            $"{{\"extra_vars\": {{\"emulator_error\": {value}}}}}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("extra_vars")[0].GetString(), Is.EqualTo("emulator_error must be a non-empty string."));
    }

    private static string Type(JsonElement jobEvent) => jobEvent.GetProperty("event").GetString()!;
}
