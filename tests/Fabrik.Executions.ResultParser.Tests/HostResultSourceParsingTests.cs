using System.Text.Json;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.ResultParser.Results;

namespace Fabrik.Executions.ResultParser.Tests;

public sealed class HostResultSourceParsingTests
{
    private static readonly TestCaseData[] MalformedRowResults =
    [
        new TestCaseData("""{"row_results": {"host": "a"}}""", "must be a list").SetName("Row results that are not a list are malformed"),
        new TestCaseData("""{"row_results": ["a"]}""", "row_results[0] must be an object").SetName("A row that is not an object is malformed"),
        new TestCaseData("""{"row_results": [{"ok": 1}]}""", "row_results[0].host").SetName("A row without host is malformed"),
        new TestCaseData("""{"row_results": [{"host": "a", "ok": -1}]}""", "row_results[0].ok").SetName("A negative count is malformed"),
        new TestCaseData("""{"row_results": [{"host": "a", "failed": "2"}]}""", "row_results[0].failed").SetName("A count given as text is malformed"),
        new TestCaseData("""{"row_results": [{"host": "a", "ok": 1.5}]}""", "row_results[0].ok").SetName("A fractional count is malformed"),
        new TestCaseData("""{"row_results": [{"host": "a", "status": "ok, failed"}]}""", "row_results[0].status").SetName("An unknown status is malformed"),
        new TestCaseData("""{"row_results": [{"host": "a"}, {"host": "a"}]}""", "more than once").SetName("A host listed twice is malformed"),
    ];

    [TestCaseSource(nameof(MalformedRowResults))]
    public void Malformed_artifact_row_results_are_refused_with_the_place_that_is_wrong(string artifacts, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => ArtifactRowResults.Parse(Json(artifacts)));
        Assert.That(refused!.Message, Does.Contain(reason));
    }

    [Test]
    public void Artifacts_without_row_results_are_no_source()
    {
        Assert.That(ArtifactRowResults.Parse(Json("""{"other": 1}""")), Is.Null);
        Assert.That(ArtifactRowResults.Parse(Json("{}")), Is.Null);
        Assert.That(ArtifactRowResults.Parse(default), Is.Null);
    }

    [Test]
    public void Artifact_rows_keep_the_playbooks_status_and_derive_a_missing_one_from_the_counts()
    {
        var hosts = ArtifactRowResults.Parse(Json(
            """
            {"row_results": [
                {"host": "leaf-101.lab", "status": "failed", "ok": 3},
                {"host": "leaf-102.lab", "ok": 2, "changed": 1},
                {"host": "leaf-103.lab", "skipped": 4},
                {"host": "leaf-104.lab", "ok": 1, "unreachable": 1, "failed": 1}
            ]}
            """));

        Assert.That(hosts, Is.EqualTo(new[]
        {
            Host("leaf-101.lab", HostOutcome.Failed, ok: 3),
            Host("leaf-102.lab", HostOutcome.Changed, ok: 2, changed: 1),
            Host("leaf-103.lab", HostOutcome.Skipped, skipped: 4),
            Host("leaf-104.lab", HostOutcome.Unreachable, ok: 1, failed: 1, unreachable: 1),
        }));
    }

    [Test]
    public void Stats_event_maps_dark_to_unreachable_and_failures_to_failed_for_every_host_named()
    {
        var hosts = PlaybookStatsResults.Parse(Json(
            """
            {"ok": {"a": 3, "b": 1}, "changed": {"a": 1}, "failures": {"b": 1}, "dark": {"c": 1},
             "skipped": {"d": 2}, "processed": {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}, "ignored": {}, "rescued": {}}
            """));

        Assert.That(hosts.OrderBy(host => host.Host), Is.EqualTo(new[]
        {
            Host("a", HostOutcome.Changed, ok: 3, changed: 1),
            Host("b", HostOutcome.Failed, ok: 1, failed: 1),
            Host("c", HostOutcome.Unreachable, unreachable: 1),
            Host("d", HostOutcome.Skipped, skipped: 2),
            Host("e", HostOutcome.Ok),
        }));
    }

    [Test]
    public void Stats_event_whose_maps_are_not_host_counts_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => PlaybookStatsResults.Parse(Json("""{"ok": ["a"]}""")));
        Assert.Throws<InvalidDataException>(() => PlaybookStatsResults.Parse(Json("""{"failures": {"a": "1"}}""")));
        Assert.Throws<InvalidDataException>(() => PlaybookStatsResults.Parse(Json("[]")));
    }

    [Test]
    public void Host_summaries_without_a_host_name_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => HostSummaryResults.Map([new AwxHostSummary { HostName = "", Ok = 1 }]));
    }

    [Test]
    public void Partial_success_is_a_successful_job_with_a_failed_or_unreachable_host()
    {
        HostResult[] oneUnreachable = [Host("a", HostOutcome.Ok, ok: 1), Host("b", HostOutcome.Unreachable, unreachable: 1)];
        HostResult[] allFine = [Host("a", HostOutcome.Changed, ok: 1, changed: 1), Host("b", HostOutcome.Skipped, skipped: 1)];

        Assert.That(HostOutcomes.IsPartialSuccess(ExecutionStatus.Successful, oneUnreachable), Is.True);
        Assert.That(HostOutcomes.IsPartialSuccess(ExecutionStatus.Failed, oneUnreachable), Is.False);
        Assert.That(HostOutcomes.IsPartialSuccess(ExecutionStatus.Successful, allFine), Is.False);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static HostResult Host(string name, HostOutcome status, int ok = 0, int changed = 0, int failed = 0, int unreachable = 0, int skipped = 0) =>
        new() { Host = name, Status = status, Ok = ok, Changed = changed, Failed = failed, Unreachable = unreachable, Skipped = skipped };
}
