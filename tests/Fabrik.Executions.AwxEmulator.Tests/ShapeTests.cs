using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>The emulator's JSON carries every key the recorded AWX payloads carry, with AWX's list/detail split.</summary>
public sealed partial class ShapeTests : EmulatorTest
{
    private int _jobId;

    [OneTimeSetUp]
    public async Task RunOneJobAsync()
    {
        _jobId = await Api.LaunchSyntheticAsync(events: 40, hosts: 2);
        await Api.WaitUntilProcessedAsync(_jobId);
    }

    [Test]
    public async Task Job_detail_has_every_key_of_the_awx_sample()
    {
        var job = await Api.JobAsync(_jobId);

        Assert.That(Keys(job), Is.SupersetOf(AwxSampleKeys.JobDetail));
        Assert.That(job.GetProperty("type").GetString(), Is.EqualTo("job"));
        Assert.That(job.GetProperty("url").GetString(), Is.EqualTo($"/api/v2/jobs/{_jobId}/"));
        Assert.That(job.GetProperty("extra_vars").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(job.GetProperty("playbook_counts").GetProperty("play_count").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Job_list_leaves_out_the_detail_only_fields()
    {
        var page = await Api.GetAsync("/api/v2/jobs/?page_size=200");
        var listed = page.GetProperty("results").EnumerateArray().Single(job => job.GetProperty("id").GetInt32() == _jobId);

        Assert.That(Keys(listed), Is.SupersetOf(AwxSampleKeys.JobDetail.Except(AwxSampleKeys.DetailOnly)));
        Assert.That(Keys(listed), Has.None.AnyOf(AwxSampleKeys.DetailOnly));
    }

    [Test]
    public async Task Job_events_have_every_key_of_the_awx_sample()
    {
        var events = await Api.AllEventsAsync(_jobId);

        Assert.That(events, Is.Not.Empty);
        Assert.That(events, Has.All.Matches<JsonElement>(jobEvent => AwxSampleKeys.JobEvent.All(key => jobEvent.TryGetProperty(key, out _))));
        Assert.That(events[0].GetProperty("type").GetString(), Is.EqualTo("job_event"));
    }

    [Test]
    public async Task Job_template_detail_and_list_have_every_key_of_the_awx_sample()
    {
        var detail = await Api.GetAsync("/api/v2/job_templates/1/");
        var list = await Api.GetAsync("/api/v2/job_templates/");

        Assert.That(Keys(detail), Is.SupersetOf(AwxSampleKeys.JobTemplate));
        Assert.That(list.GetProperty("results").EnumerateArray().Select(Keys), Has.All.SupersetOf(AwxSampleKeys.JobTemplate));
        Assert.That(Keys(list), Is.EquivalentTo(new[] { "count", "next", "previous", "results" }));
    }

    [Test]
    public async Task Timestamps_are_utc_with_microseconds_and_a_z()
    {
        var job = await Api.JobAsync(_jobId);

        foreach (var field in new[] { "created", "modified", "started", "finished" })
        {
            Assert.That(job.GetProperty(field).GetString(), Does.Match(DrfTimestamp()), field);
        }
    }

    [Test]
    public async Task Launch_answers_201_with_job_and_ignored_fields_first()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/",
            new { extra_vars = new { emulator_events_per_second = 0 }, job_tags = "smoke" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Keys(body).Take(2), Is.EqualTo(new[] { "job", "ignored_fields" }));
        Assert.That(body.GetProperty("job").GetInt32(), Is.EqualTo(body.GetProperty("id").GetInt32()));
        Assert.That(body.GetProperty("ignored_fields").GetProperty("job_tags").GetString(), Is.EqualTo("smoke"));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("pending"));
        Assert.That(Keys(body), Does.Contain("event_processing_finished").And.Not.Contain("host_status_counts"));
    }

    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$")]
    private static partial Regex DrfTimestamp();
}
