namespace Fabrik.Executions.Gateway.Tests;

/// <summary>The executions list, its filters (all applied by the database), the status path, stats, chains and export.</summary>
public sealed class ExecutionListTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task List_is_newest_first_and_paged_with_its_totals()
    {
        var launcher = Unique("paged");
        var ids = new List<Guid>();
        for (var hour = 0; hour < 7; hour++)
        {
            ids.Add(await Seed(launcher, Noon.AddHours(hour)));
        }

        var page = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&per_page=3&page=2");
        var beyond = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&per_page=3&page=4");

        Assert.That(page.Ids(), Is.EqualTo(new[] { ids[3], ids[2], ids[1] }));
        Assert.That(page.GetProperty("pagination").GetRawText(), Is.EqualTo("""{"page":2,"per_page":3,"total_items":7,"total_pages":3}"""));
        Assert.That(beyond.Ids(), Is.Empty);
        Assert.That(beyond.GetProperty("pagination").GetProperty("total_items").GetInt64(), Is.EqualTo(7));
    }

    [Test]
    public async Task Status_filter_takes_one_status_or_several()
    {
        var launcher = Unique("status");
        var running = new[] { await Seed(launcher, Noon, "running"), await Seed(launcher, Noon.AddMinutes(1), "running") };
        var failed = await Seed(launcher, Noon.AddMinutes(2), "failed");
        await Seed(launcher, Noon.AddMinutes(3), "successful");

        var onlyRunning = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&status=running");
        var runningOrFailed = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&status=running,failed");
        var byPath = await Http.GetOkAsync($"/api/v1/executions/status/failed?launched_by={launcher}");

        Assert.That(onlyRunning.Ids(), Is.EquivalentTo(running));
        Assert.That(runningOrFailed.Ids(), Is.EquivalentTo(running.Append(failed)));
        Assert.That(byPath.Ids(), Is.EqualTo(new[] { failed }));
        Assert.That(byPath.Data().Single().GetProperty("status").GetString(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Template_filter_keeps_one_template()
    {
        var launcher = Unique("template");
        var wanted = await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, TemplateId = 7001 });
        await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, TemplateId = 7002 });

        var page = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&template=7001");

        Assert.That(page.Ids(), Is.EqualTo(new[] { wanted }));
    }

    [Test]
    public async Task Created_range_includes_its_start_and_excludes_its_end()
    {
        var launcher = Unique("range");
        var before = await Seed(launcher, Noon.AddHours(-1));
        var atStart = await Seed(launcher, Noon);
        var atEnd = await Seed(launcher, Noon.AddHours(1));

        var range = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&created_after=2024-05-01T12:00:00Z&created_before=2024-05-01T13:00:00Z");
        // The same instant written with an offset, its '+' escaped, and a bare date meaning midnight UTC.
        var withOffset = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&created_after=2024-05-01T14:00:00%2B02:00");
        var byDate = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&created_before=2024-05-02");

        Assert.That(range.Ids(), Is.EqualTo(new[] { atStart }));
        Assert.That(withOffset.Ids(), Is.EqualTo(new[] { atEnd, atStart }));
        Assert.That(byDate.Ids(), Is.EqualTo(new[] { atEnd, atStart, before }));
    }

    [Test]
    public async Task Relaunch_of_lists_direct_relaunches_and_the_chain_walks_every_attempt()
    {
        var launcher = Unique("chain");
        var requestId = "chain-" + Guid.NewGuid();
        var original = await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, RequestId = requestId, CreatedAt = Noon });
        var first = await environment.Data.InsertAsync(Relaunch(original, 1, Noon.AddMinutes(1)));
        var second = await environment.Data.InsertAsync(Relaunch(first, 2, Noon.AddMinutes(2)));
        var sibling = await environment.Data.InsertAsync(Relaunch(original, 1, Noon.AddMinutes(3)));

        var direct = await Http.GetOkAsync($"/api/v1/executions?relaunch_of={original}");
        var chainFromLast = await Http.GetOkAsync($"/api/v1/executions/{second}/chain");
        var chainPage = await Http.GetOkAsync($"/api/v1/executions/{original}/chain?per_page=2&page=2");

        Assert.That(direct.Ids(), Is.EqualTo(new[] { sibling, first }));
        Assert.That(chainFromLast.Ids(), Is.EqualTo(new[] { original, first, sibling, second }));
        Assert.That(chainFromLast.Data().Select(item => item.GetProperty("relaunch_count").GetInt32()), Is.EqualTo(new[] { 0, 1, 1, 2 }));
        Assert.That(chainPage.Ids(), Is.EqualTo(new[] { sibling, second }));
        Assert.That(chainPage.GetProperty("pagination").GetProperty("total_items").GetInt64(), Is.EqualTo(4));

        ExecutionSeed Relaunch(Guid of, short count, DateTimeOffset at) =>
            new() { LaunchedBy = launcher, RequestId = requestId, RelaunchOf = of, RelaunchCount = count, CreatedAt = at };
    }

    [Test]
    public async Task Output_phrase_finds_executions_by_their_output_case_insensitively_and_literally()
    {
        var launcher = Unique("q");
        var pushed = await SeedWithOutputAsync(launcher, "running", "ok: [leaf-3] => VLAN 42 pushed to \u001b[0;32mtenant blue\u001b[0m");
        var percent = await SeedWithOutputAsync(launcher, "successful", "progress 50% of fabric");
        var fiveHundred = await SeedWithOutputAsync(launcher, "successful", "progress 500 of fabric");
        var underscore = await SeedWithOutputAsync(launcher, "successful", "set leaf_a done");
        await SeedWithOutputAsync(launcher, "successful", "set leafxa done");

        var phrase = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&q={Uri.EscapeDataString("vlan 42 PUSHED")}");
        var literalPercent = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&q={Uri.EscapeDataString("50%")}");
        var literalUnderscore = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&q={Uri.EscapeDataString("leaf_a")}");
        var nothing = await Http.GetOkAsync($"/api/v1/executions?launched_by={launcher}&q={Uri.EscapeDataString("'; drop table job_events; --")}");

        Assert.That(phrase.Ids(), Is.EqualTo(new[] { pushed }), "found while the job is still running");
        Assert.That(literalPercent.Ids(), Is.EqualTo(new[] { percent }), $"% is literal, so {fiveHundred} does not match");
        Assert.That(literalUnderscore.Ids(), Is.EqualTo(new[] { underscore }), "_ is literal");
        Assert.That(nothing.Ids(), Is.Empty);
        Assert.That(await environment.Data.CountAsync("select count(*) from job_events where execution_id = @pushed", new { pushed }), Is.EqualTo(1));
    }

    [Test]
    public async Task Stats_count_every_execution_and_every_status()
    {
        var launcher = Unique("stats");
        await Seed(launcher, Noon, "running");
        await Seed(launcher, Noon.AddMinutes(1), "failed");
        await Seed(launcher, Noon.AddMinutes(2), "failed");

        var all = (await Http.GetOkAsync("/api/v1/executions/stats")).GetProperty("data");
        var filtered = (await Http.GetOkAsync($"/api/v1/executions/stats?launched_by={launcher}")).GetProperty("data");

        Assert.That(all.GetProperty("total").GetInt64(), Is.EqualTo(await environment.Data.CountAsync("select count(*) from executions", new { })));
        foreach (var status in new[] { "pending", "waiting", "running", "successful", "failed", "error", "canceled" })
        {
            Assert.That(all.GetProperty("by_status").GetProperty(status).GetInt64(),
                Is.EqualTo(await environment.Data.CountAsync("select count(*) from executions where status = @status", new { status })), status);
        }

        Assert.Multiple(() =>
        {
            Assert.That(filtered.GetProperty("total").GetInt64(), Is.EqualTo(3));
            Assert.That(filtered.GetProperty("active").GetInt64(), Is.EqualTo(1));
            Assert.That(filtered.GetProperty("terminal").GetInt64(), Is.EqualTo(2));
            Assert.That(filtered.GetProperty("by_status").GetProperty("failed").GetInt64(), Is.EqualTo(2));
            Assert.That(filtered.GetProperty("first_created_at").GetDateTimeOffset(), Is.EqualTo(Noon));
            Assert.That(filtered.GetProperty("last_created_at").GetDateTimeOffset(), Is.EqualTo(Noon.AddMinutes(2)));
        });
    }

    [Test]
    public async Task Export_writes_every_matching_execution_as_csv_or_json()
    {
        var launcher = Unique("export");
        var formula = await environment.Data.InsertAsync(new ExecutionSeed
        {
            LaunchedBy = launcher, TemplateName = "=HYPERLINK(\"http://evil\",\"x\")", CreatedAt = Noon, StatusExplanation = "a, b\r\nc",
        });
        var plain = await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, CreatedAt = Noon.AddMinutes(1), Status = "failed" });
        await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, CreatedAt = Noon.AddMinutes(2), Status = "running" });

        using var csv = await Http.GetAsync($"/api/v1/executions/export?launched_by={launcher}&status=successful,failed");
        var json = await Http.GetOkAsync($"/api/v1/executions/export?format=json&launched_by={launcher}&status=successful,failed");

        var text = await csv.Content.ReadAsStringAsync();
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("executions.csv"));
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rows[0], Does.StartWith("id,request_id,template_kind,template_id,template_name,status"));
        Assert.That(rows[1], Does.StartWith(plain.ToString()).And.Contain(",failed,"));
        Assert.That(text, Does.Contain($"{formula},").And.Contain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").And.Contain("\"a, b\r\nc\""));
        Assert.That(json.EnumerateArray().Select(item => item.GetProperty("id").GetGuid()), Is.EqualTo(new[] { plain, formula }));
        Assert.That(json[0].GetProperty("launched_by").GetString(), Is.EqualTo(launcher));
    }

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}";

    private Task<Guid> Seed(string launcher, DateTimeOffset createdAt, string status = "successful") =>
        environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, CreatedAt = createdAt, Status = status });

    private async Task<Guid> SeedWithOutputAsync(string launcher, string status, string stdout)
    {
        var awxJobId = Random.Shared.NextInt64(1_000_000, 9_000_000);
        var id = await environment.Data.InsertAsync(new ExecutionSeed { LaunchedBy = launcher, Status = status, AwxJobId = awxJobId });
        var jobEvent = SampleEvents.Create(id, awxJobId, 1) with { Stdout = stdout };
        await environment.Data.StoreAsync(id, awxJobId, [jobEvent]);
        return id;
    }
}
