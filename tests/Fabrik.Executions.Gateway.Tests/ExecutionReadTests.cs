using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Tests;

public sealed class ExecutionReadTests
{
    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Unknown_execution_is_answered_404()
    {
        var unknown = Guid.NewGuid();

        using var execution = await Http.GetAsync($"/api/v1/executions/{unknown}");
        using var events = await Http.GetAsync($"/api/v1/executions/{unknown}/events");

        var problem = await Problems.ReadAsync(execution, HttpStatusCode.NotFound);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unknown.ToString()));
        await Problems.ReadAsync(events, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Unknown_path_and_wrong_method_are_problems_that_say_so()
    {
        using var unknownPath = await Http.GetAsync("/api/v1/nothing-here");
        using var wrongMethod = await Http.DeleteAsync("/api/v1/executions");

        var notFound = await Problems.ReadAsync(unknownPath, HttpStatusCode.NotFound);
        Assert.That(notFound.GetProperty("detail").GetString(), Does.Contain("/api/v1/nothing-here"));
        var notAllowed = await Problems.ReadAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.That(notAllowed.GetProperty("detail").GetString(), Does.Contain("DELETE"));
    }

    [Test]
    public async Task Finished_execution_shows_its_results_and_never_the_awx_job_data()
    {
        var executionId = await environment.Data.CreateRunningAsync(awxJobId: 61);
        await environment.Data.Executions.FinishAsync(executionId, ExecutionStatus.Successful, null, 42, [], true, 12, CancellationToken.None);
        await environment.Data.Results.StoreAsync(new ExecutionResultsUpdate
        {
            ExecutionId = executionId,
            AwxJobDataJson = """{"id":61,"job_env":{"AWX_SECRET":"hunter2"}}""",
            ArtifactsJson = """{"row_results":[{"host":"leaf-1.lab","status":"ok"}]}""",
            Hosts = [new HostResult { Host = "leaf-1.lab", Status = HostOutcome.Ok, Ok = 3, Changed = 0, Failed = 0, Unreachable = 0, Skipped = 1 }],
            Source = HostResultsSource.Artifacts,
            PartialSuccess = false,
            ElapsedSeconds = 12.5,
        }, CancellationToken.None);

        using var response = await Http.GetAsync($"/api/v1/executions/{executionId}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(text, Does.Not.Contain("hunter2").And.Not.Contain("awx_job_data"));
        var execution = JsonDocument.Parse(text).RootElement.GetProperty("data");
        Assert.Multiple(() =>
        {
            Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
            Assert.That(execution.GetProperty("awx_job_id").GetInt64(), Is.EqualTo(61));
            Assert.That(execution.GetProperty("awx_job_url").GetString(), Does.EndWith("/61"));
            Assert.That(execution.GetProperty("progress_percentage").GetInt32(), Is.EqualTo(100));
            Assert.That(execution.GetProperty("final_counter").GetInt64(), Is.EqualTo(42));
            Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
            Assert.That(execution.GetProperty("missing_counters").GetArrayLength(), Is.Zero);
            Assert.That(execution.GetProperty("partial_success").GetBoolean(), Is.False);
            Assert.That(execution.GetProperty("elapsed_seconds").GetDouble(), Is.EqualTo(12.5));
            Assert.That(execution.GetProperty("row_results")[0].GetProperty("host").GetString(), Is.EqualTo("leaf-1.lab"));
            Assert.That(execution.GetProperty("artifacts").GetProperty("row_results").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(execution.GetProperty("extra_vars").GetProperty("emulator_events").GetInt32(), Is.EqualTo(10));
            Assert.That(execution.GetProperty("finished_at").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(execution.GetProperty("created_at").GetDateTimeOffset()));
            Assert.That(execution.GetProperty("relaunch_of").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Events_cursor_returns_every_stored_event_once_in_counter_order()
    {
        var executionId = await environment.Data.CreateRunningAsync(awxJobId: 71);
        var events = SampleEvents.Range(executionId, 71, 1, 250);
        // Stored out of order and in overlapping batches, as a poller sees AWX make them visible.
        foreach (var batch in events.OrderByDescending(e => e.Counter % 3).Chunk(90))
        {
            await environment.Data.StoreAsync(executionId, 71, batch);
        }

        await environment.Data.StoreAsync(executionId, 71, events.Take(20).ToList());
        await environment.Data.StoreAsync(executionId, 72, SampleEvents.Range(executionId, 72, 1, 20));

        var pages = new List<JsonElement>();
        var after = 0L;
        while (true)
        {
            var page = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/events?after={after}&limit=100");
            pages.Add(page);
            var cursor = page.GetProperty("cursor");
            Assert.That(cursor.GetProperty("after").GetInt64(), Is.EqualTo(after));
            Assert.That(cursor.GetProperty("job").GetInt64(), Is.EqualTo(71));
            after = cursor.GetProperty("next_after").GetInt64();
            if (!cursor.GetProperty("has_more").GetBoolean())
            {
                break;
            }

            Assert.That(pages, Has.Count.LessThan(10), "the cursor does not end");
        }

        var counters = pages.SelectMany(page => page.GetProperty("data").EnumerateArray()).Select(e => e.GetProperty("counter").GetInt64()).ToList();
        Assert.That(counters, Is.EqualTo(Enumerable.Range(1, 250).Select(counter => (long)counter)));
        Assert.That(pages.Select(page => page.GetProperty("data").GetArrayLength()), Is.EqualTo(new[] { 100, 100, 50 }));
        Assert.That(after, Is.EqualTo(250));

        var first = pages[0].GetProperty("data")[0];
        var expected = events[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("execution_id").GetGuid(), Is.EqualTo(executionId));
            Assert.That(first.GetProperty("job_id").GetInt64(), Is.EqualTo(71));
            Assert.That(first.GetProperty("event").GetString(), Is.EqualTo(expected.Event));
            Assert.That(first.GetProperty("uuid").GetString(), Is.EqualTo(expected.Uuid));
            Assert.That(first.GetProperty("parent_uuid").GetString(), Is.EqualTo(expected.ParentUuid));
            Assert.That(first.GetProperty("stdout").GetString(), Is.EqualTo(expected.Stdout));
            Assert.That(first.GetProperty("start_line").GetInt32(), Is.EqualTo(expected.StartLine));
            Assert.That(first.GetProperty("end_line").GetInt32(), Is.EqualTo(expected.EndLine));
            Assert.That(JsonElement.DeepEquals(first.GetProperty("event_data"), expected.EventData), Is.True, first.GetRawText());
        });

        var otherJob = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/events?job=72&limit=1000");
        Assert.That(otherJob.GetProperty("data").GetArrayLength(), Is.EqualTo(20));
        Assert.That(otherJob.GetProperty("cursor").GetProperty("has_more").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Events_of_an_execution_without_an_awx_job_are_an_empty_page()
    {
        var (execution, _) = await environment.Data.Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "not-launched",
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVarsJson = "{}",
            CredentialIds = [],
            LaunchedBy = "tests",
        }, CancellationToken.None);

        var page = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{execution.Id}/events?after=5");

        Assert.That(page.GetProperty("data").GetArrayLength(), Is.Zero);
        Assert.That(page.GetProperty("cursor").GetRawText(), Is.EqualTo("""{"after":5,"next_after":5,"has_more":false,"job":null}"""));
    }

    [Test]
    public async Task OpenApi_document_describes_the_executions_api_in_snake_case()
    {
        var document = await Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.That(paths.TryGetProperty("/api/v1/executions", out _), Is.True);
        Assert.That(paths.TryGetProperty("/api/v1/executions/{id}", out _), Is.True);
        Assert.That(paths.TryGetProperty("/api/v1/executions/{id}/events", out _), Is.True);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.That(schemas.GetProperty("LaunchRequestBody").GetProperty("properties").TryGetProperty("request_id", out _), Is.True);
        Assert.That(schemas.GetProperty("ExecutionResource").GetProperty("properties").TryGetProperty("awx_job_data", out _), Is.False);
    }

    [Test]
    public async Task Health_endpoints_answer_when_postgres_and_redis_do()
    {
        using var live = await Http.GetAsync("/health/live");
        using var ready = await Http.GetAsync("/health/ready");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
    }
}
