using System.Net;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>An execution's output: filtered events, the whole stdout in three formats, per-host results and search.</summary>
public sealed class OutputTests
{
    private const string Task = "push vlan";

    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Events_are_filtered_by_type_host_failure_and_phrase_on_the_same_cursor()
    {
        var (id, job, otherJob) = await SeedRunningAsync();
        var events = $"/api/v1/executions/{id}/events";

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await CountersAsync($"{events}?event=runner_on_failed"), Is.EqualTo(new long[] { 5, 9 }));
            Assert.That(await CountersAsync($"{events}?host=leaf-1"), Is.EqualTo(new long[] { 4, 8, 9 }));
            Assert.That(await CountersAsync($"{events}?failed=true"), Is.EqualTo(new long[] { 5 }));
            Assert.That(await CountersAsync($"{events}?failed=false&host=leaf-1"), Is.EqualTo(new long[] { 4, 8, 9 }));
            Assert.That(await CountersAsync($"{events}?q=vlan%2042"), Is.EqualTo(new long[] { 5, 8 }));
            Assert.That(await CountersAsync($"{events}?q=vlan%2042&host=leaf-1"), Is.EqualTo(new long[] { 8 }));
            Assert.That(await CountersAsync($"{events}?job={otherJob}&q=VLAN"), Is.EqualTo(new long[] { 1 }));
        });

        var first = await Http.GetOkAsync($"{events}?event=runner_on_ok&limit=1");
        var second = await Http.GetOkAsync($"{events}?event=runner_on_ok&limit=1&after={first.GetProperty("cursor").GetProperty("next_after").GetInt64()}");
        Assert.That(first.GetProperty("cursor").GetRawText(), Is.EqualTo($$"""{"after":0,"next_after":4,"has_more":true,"job":{{job}}}"""));
        Assert.That(second.GetProperty("data")[0].GetProperty("counter").GetInt64(), Is.EqualTo(8));
        Assert.That(second.GetProperty("cursor").GetProperty("has_more").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Events_of_a_job_the_execution_does_not_have_are_404_naming_it_and_a_node_job_not_yet_streamed_is_an_empty_page()
    {
        var (id, _, _) = await SeedRunningAsync();
        var workflowJob = Random.Shared.NextInt64(20_000_000, 30_000_000);
        var nodeJob = workflowJob + 1;
        var workflow = await environment.Data.CreateRunningWorkflowAsync(workflowJob);
        await environment.Data.Workflows.UpsertNodeAsync(
            new WorkflowNodeRecord { ExecutionId = workflow, NodeId = 1, WorkflowJobId = workflowJob, Name = "Configure", JobType = "job", JobId = nodeJob },
            CancellationToken.None);

        using var stranger = await Http.GetAsync(new Uri($"/api/v1/executions/{id}/events?job={nodeJob}", UriKind.Relative));
        var nodePage = await Http.GetOkAsync($"/api/v1/executions/{workflow}/events?job={nodeJob}");

        Assert.That((await Problems.ReadAsync(stranger, HttpStatusCode.NotFound)).GetProperty("detail").GetString(),
            Does.Contain($"Execution {id} has no AWX job {nodeJob}"));
        Assert.That(nodePage.Data(), Is.Empty);
        Assert.That(nodePage.GetProperty("cursor").GetProperty("job").GetInt64(), Is.EqualTo(nodeJob));
    }

    [Test]
    public async Task Stdout_is_plain_text_ansi_as_written_or_one_json_event_per_line()
    {
        var (id, job, otherJob) = await SeedRunningAsync();
        var events = Script(id, job).Concat(OtherJobScript(id, otherJob)).ToList();
        var stored = events.Where(e => e.Stdout.Length > 0).Select(e => e.Stdout).ToList();

        using var txt = await Http.GetAsync($"/api/v1/executions/{id}/stdout");
        using var ansi = await Http.GetAsync($"/api/v1/executions/{id}/stdout?format=ansi");
        using var ndjson = await Http.GetAsync($"/api/v1/executions/{id}/stdout?format=ndjson");

        var text = await txt.Content.ReadAsStringAsync();
        Assert.That(txt.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(text, Is.EqualTo(string.Concat(stored.Select(s => AnsiEscapes.Strip(s).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"))));
        Assert.That(text, Does.Not.Contain("\u001b").And.Not.Contain("\r"));
        Assert.That(text, Does.Contain("fatal: [leaf-2]: FAILED! => {\"msg\": \"VLAN 42 rejected\"}\n"));
        Assert.That(await ansi.Content.ReadAsStringAsync(), Is.EqualTo(string.Concat(stored.Select(s => s + "\r\n"))));

        Assert.That(ndjson.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/x-ndjson"));
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        Assert.That(lines.Select(e => (e.GetProperty("job_id").GetInt64(), e.GetProperty("counter").GetInt64())),
            Is.EqualTo(events.Select(e => (e.JobId, e.Counter))));
        Assert.That(lines[4].GetProperty("event_data").GetProperty("res").GetProperty("msg").GetString(), Is.EqualTo("VLAN 42 rejected"));
    }

    [Test]
    public async Task Hosts_are_counted_from_the_events_until_the_parsed_results_replace_them()
    {
        var (id, _, _) = await SeedRunningAsync();

        var live = (await Http.GetOkAsync($"/api/v1/executions/{id}/hosts")).GetProperty("data");

        Assert.That(live.GetProperty("source").GetString(), Is.EqualTo("job_events"));
        Assert.That(live.GetProperty("final").GetBoolean(), Is.False);
        Assert.That(HostRows(live), Is.EqualTo(new[]
        {
            "leaf-1 changed ok=2 changed=1 failed=0 unreachable=0 skipped=0",
            "leaf-2 failed ok=0 changed=0 failed=1 unreachable=0 skipped=0",
            "leaf-3 unreachable ok=0 changed=0 failed=0 unreachable=1 skipped=0",
            "leaf-4 skipped ok=0 changed=0 failed=0 unreachable=0 skipped=1",
            "leaf-9 ok ok=1 changed=0 failed=0 unreachable=0 skipped=0",
        }));

        await environment.Data.Results.StoreAsync(new ExecutionResultsUpdate
        {
            ExecutionId = id,
            Hosts = [new HostResult { Host = "leaf-1", Status = HostOutcome.Failed, Ok = 4, Changed = 1, Failed = 1, Unreachable = 0, Skipped = 0 }],
            Source = HostResultsSource.JobHostSummaries,
            PartialSuccess = true,
        }, CancellationToken.None);
        var parsed = (await Http.GetOkAsync($"/api/v1/executions/{id}/hosts")).GetProperty("data");

        Assert.That(parsed.GetProperty("source").GetString(), Is.EqualTo("job_host_summaries"));
        Assert.That(parsed.GetProperty("final").GetBoolean(), Is.True);
        Assert.That(HostRows(parsed), Is.EqualTo(new[] { "leaf-1 failed ok=4 changed=1 failed=1 unreachable=0 skipped=0" }));
    }

    [Test]
    public async Task Search_finds_every_matching_line_without_colours_with_its_event_while_running()
    {
        var (id, job, otherJob) = await SeedRunningAsync();

        var all = await Http.GetOkAsync($"/api/v1/executions/{id}/search?q=vlan%2042");
        var secondPage = await Http.GetOkAsync($"/api/v1/executions/{id}/search?q=vlan%2042&per_page=2&page=2");
        var none = await Http.GetOkAsync($"/api/v1/executions/{id}/search?q=%25%25%25");

        Assert.That(all.Data().Select(Hit), Is.EqualTo(new[]
        {
            $"{job}/5 line 8 leaf-2 [{Task}]: fatal: [leaf-2]: FAILED! => {{\"msg\": \"VLAN 42 rejected\"}}",
            $"{job}/8 line 12 leaf-1 [{Task}]: ok: [leaf-1] => vlan 42 present",
            $"{job}/8 line 13 leaf-1 [{Task}]: second line mentions VLAN 42 again",
            $"{otherJob}/1 line 1 leaf-9 [other]: ok: [leaf-9] => vlan 42 in the second job",
        }));
        Assert.That(all.GetProperty("pagination").GetRawText(), Is.EqualTo("""{"page":1,"per_page":25,"total_items":4,"total_pages":1}"""));
        Assert.That(secondPage.Data().Select(Hit), Is.EqualTo(all.Data().Skip(2).Select(Hit)));
        Assert.That(none.Data(), Is.Empty);
    }

    private static string Hit(JsonElement hit) =>
        $"{hit.GetProperty("job_id").GetInt64()}/{hit.GetProperty("counter").GetInt64()} line {hit.GetProperty("line_number").GetInt64()} "
        + $"{hit.GetProperty("host").GetString()} [{hit.GetProperty("task").GetString()}]: {hit.GetProperty("line").GetString()}";

    private static IEnumerable<string> HostRows(JsonElement results) =>
        results.GetProperty("hosts").EnumerateArray().Select(host =>
            $"{host.GetProperty("host").GetString()} {host.GetProperty("status").GetString()} ok={host.GetProperty("ok").GetInt32()} "
            + $"changed={host.GetProperty("changed").GetInt32()} failed={host.GetProperty("failed").GetInt32()} "
            + $"unreachable={host.GetProperty("unreachable").GetInt32()} skipped={host.GetProperty("skipped").GetInt32()}");

    private async Task<IReadOnlyList<long>> CountersAsync(string path) =>
        (await Http.GetOkAsync(path)).Data().Select(e => e.GetProperty("counter").GetInt64()).ToList();

    /// <summary>A running execution with the events of <see cref="Script"/> in its job and one more job's.</summary>
    private async Task<(Guid Id, long Job, long OtherJob)> SeedRunningAsync()
    {
        var job = Random.Shared.NextInt64(10_000_000, 20_000_000);
        var otherJob = job + 1;
        var id = await environment.Data.CreateRunningAsync(job);
        await environment.Data.StoreAsync(id, job, Script(id, job));
        await environment.Data.StoreAsync(id, otherJob, OtherJobScript(id, otherJob));
        return (id, job, otherJob);
    }

    private static List<JobEventReceived> Script(Guid id, long job)
    {
        JobEventReceived Event(long counter, string type, string? host, string stdout, int startLine, bool failed = false, bool changed = false,
            string eventData = "{}") =>
            SampleEvents.Create(id, job, counter) with
            {
                Event = type,
                Host = host,
                Task = counter >= 3 ? Task : null,
                Stdout = stdout,
                StartLine = startLine,
                EndLine = startLine + (stdout.Length == 0 ? 0 : stdout.Split("\r\n").Length),
                Failed = failed,
                Changed = changed,
                EventData = JsonDocument.Parse(eventData).RootElement,
            };

        return
        [
            Event(1, "playbook_on_start", null, "", 0),
            Event(2, "playbook_on_play_start", null, "\r\nPLAY [all] ***", 0),
            Event(3, "playbook_on_task_start", null, $"\r\nTASK [{Task}] ***", 2),
            Event(4, "runner_on_ok", "leaf-1", "\u001b[0;33mchanged: [leaf-1]\u001b[0m", 4, changed: true),
            Event(5, "runner_on_failed", "leaf-2", "\u001b[0;31mfatal: [leaf-2]: FAILED! => {\"msg\": \"VLAN 42 rejected\"}\u001b[0m", 7, failed: true,
                eventData: """{"res": {"msg": "VLAN 42 rejected"}}"""),
            Event(6, "runner_on_unreachable", "leaf-3", "fatal: [leaf-3]: UNREACHABLE!", 8),
            Event(7, "runner_on_skipped", "leaf-4", "skipping: [leaf-4]", 9),
            Event(8, "runner_on_ok", "leaf-1", "\u001b[0;32mok: [leaf-1] => vlan 42 present\u001b[0m\r\nsecond line mentions VLAN 42 again", 11),
            Event(9, "runner_on_failed", "leaf-1", "fatal: [leaf-1]: FAILED! ...ignoring", 13, eventData: """{"ignore_errors": true}"""),
        ];
    }

    private static List<JobEventReceived> OtherJobScript(Guid id, long job) =>
    [
        SampleEvents.Create(id, job, 1) with
        {
            Event = "runner_on_ok", Host = "leaf-9", Task = "other", Stdout = "ok: [leaf-9] => vlan 42 in the second job", StartLine = 0, EndLine = 1,
            Changed = false,
        },
    ];
}
