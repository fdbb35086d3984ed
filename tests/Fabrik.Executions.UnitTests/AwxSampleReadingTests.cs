using System.Text.Json;
using Fabrik.Executions.Awx;

namespace Fabrik.Executions.UnitTests;

public sealed class AwxSampleReadingTests
{
    [Test]
    public void A_real_job_events_page_reads_with_every_field_this_system_copies()
    {
        var page = AwxSample.Read("data.job_events.json").Deserialize<AwxPage<AwxJobEvent>>(AwxJson.Options)!;

        Assert.That(page.Count, Is.EqualTo(100));
        // AWX itself lists stats (100) before the event it counted as 99: order is never to be trusted.
        Assert.That(page.Results.Select(e => e.Counter), Is.EquivalentTo(Enumerable.Range(1, 100).Select(i => (long)i)));
        var first = page.Results[0];
        Assert.That((first.Event, first.Uuid, first.Job, first.ParentUuid), Is.EqualTo(("playbook_on_start", "a60e6549-f49b-401f-b2f0-b03557d3d1d7", (long?)8, "")));
        Assert.That(first.Created, Is.EqualTo(DateTimeOffset.Parse("2021-01-28T16:17:13.908757Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(first.EventData.GetProperty("playbook").GetString(), Is.EqualTo("chatty_tasks.yml"));
        var withHost = page.Results.First(e => e.Event == "runner_item_on_ok");
        Assert.That(withHost.HostName, Is.EqualTo(withHost.EventData.GetProperty("host").GetString()));
        Assert.That(withHost.Stdout, Does.Contain(withHost.HostName));
        Assert.That(withHost.EndLine, Is.GreaterThan(withHost.StartLine));
        Assert.That(page.Results.MaxBy(e => e.Counter)!.Event, Is.EqualTo("playbook_on_stats"));
    }

    [Test]
    public void A_real_job_detail_reads_status_processing_flag_counts_and_keeps_the_raw_json()
    {
        var raw = AwxSample.Read("data.job.json");

        var job = raw.Deserialize<AwxJob>(AwxJson.Options)! with { Raw = raw };

        Assert.That((job.Id, job.Status, job.Failed, job.EventProcessingFinished), Is.EqualTo((2L, "successful", false, (bool?)true)));
        Assert.That(job.PlaybookCounts, Is.EqualTo(new AwxPlaybookCounts { PlayCount = 1, TaskCount = 1 }));
        Assert.That(job.Elapsed, Is.EqualTo(31.79));
        Assert.That(job.Artifacts.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(JsonElement.DeepEquals(job.Raw, raw), Is.True);
    }

    [Test]
    public void Relative_next_links_give_back_the_query_to_ask_for_next()
    {
        var query = RelativeLink.ParseQuery("/api/v2/jobs/8/job_events/?counter__gt=5&order_by=counter&page=2&page_size=200", "/api/v2/jobs/8/job_events/");

        Assert.That(query, Is.EqualTo(new Dictionary<string, string>
        {
            ["counter__gt"] = "5", ["order_by"] = "counter", ["page"] = "2", ["page_size"] = "200",
        }));
    }

    [Test]
    public void A_next_link_pointing_elsewhere_is_refused()
    {
        Assert.That(
            () => RelativeLink.ParseQuery("/api/v2/jobs/9/job_events/?page=2", "/api/v2/jobs/8/job_events/"),
            Throws.TypeOf<AwxResponseException>().With.Message.Contains("/api/v2/jobs/8/job_events/"));
    }
}
