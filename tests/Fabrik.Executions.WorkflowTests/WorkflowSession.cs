using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>Workflows run through the pipeline's Gateway as an operator (and a viewer) would, with AWX looked at directly.</summary>
internal sealed class WorkflowSession(Pipeline pipeline) : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static readonly string ViewerKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static readonly HashSet<string> TerminalStatuses = ["successful", "failed", "error", "canceled"];

    /// <summary>A second API key, with the viewer role, next to the pipeline's operator key.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ViewerSettings = new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:1:Name"] = "workflow-viewer",
        ["Auth:ApiKeys:1:Key"] = ViewerKey,
        ["Auth:ApiKeys:1:Role"] = "viewer",
    };

    public Pipeline Pipeline => pipeline;

    public HttpClient Gateway { get; } = pipeline.CreateGatewayClient();

    public HttpClient Viewer { get; } = CreateViewer(pipeline);

    public HttpClient Awx { get; } = pipeline.Awx.CreateClient();

    /// <summary>Who the operator's decisions and relaunches are recorded as.</summary>
    public string OperatorName => pipeline.ServiceConfiguration["Auth:ApiKeys:0:Name"]!;

    public async Task<Guid> LaunchAsync(int templateId, JsonObject extraVars, params int[] credentials)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "workflow", ["id"] = templateId, ["name"] = $"Workflow {templateId}" },
            ["extra_vars"] = extraVars,
            ["credentials"] = new JsonArray(credentials.Select(id => (JsonNode)id).ToArray()),
        });
        return (await DataAsync(response, HttpStatusCode.Accepted)).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? json = null) =>
        client.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Gateway.GetAsync(new Uri(path, UriKind.Relative));
        return await DataAsync(response, HttpStatusCode.OK);
    }

    public Task<JsonElement> WorkflowAsync(Guid executionId) => GetAsync($"/api/v1/executions/{executionId}/workflow");

    /// <summary>The execution's workflow nodes by their AWX identifier, the names the built-in workflows give them.</summary>
    public async Task<Dictionary<string, JsonElement>> NodesByIdentifierAsync(Guid executionId) =>
        (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray().ToDictionary(node => node.GetProperty("identifier").GetString()!);

    public async Task<JsonElement> WaitForTerminalAsync(Guid executionId)
    {
        var execution = default(JsonElement);
        await Eventually.TrueAsync(
            async () => TerminalStatuses.Contains((execution = await GetAsync($"/api/v1/executions/{executionId}")).GetProperty("status").GetString()!),
            $"execution {executionId} to finish",
            Deadline);
        return execution;
    }

    /// <summary>Waits until the execution's per-host results are parsed, and answers it.</summary>
    public async Task<JsonElement> WaitForResultsAsync(Guid executionId)
    {
        var execution = default(JsonElement);
        await Eventually.TrueAsync(
            async () => (execution = await GetAsync($"/api/v1/executions/{executionId}")).GetProperty("results_source").ValueKind == JsonValueKind.String,
            $"execution {executionId}'s results to be parsed",
            Deadline);
        return execution;
    }

    /// <summary>The <c>type</c> of the AWX detail the ResultParser stored verbatim.</summary>
    public async Task<string?> StoredAwxJobTypeAsync(Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select awx_job_data ->> 'type' from executions where id = @id", connection);
        command.Parameters.AddWithValue("id", executionId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Waits until the execution's workflow has a node that satisfies <paramref name="condition"/>, and answers it.</summary>
    public async Task<JsonElement> WaitForNodeAsync(Guid executionId, Func<JsonElement, bool> condition, string what)
    {
        var found = default(JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                var nodes = (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray().Where(condition).ToList();
                found = nodes.FirstOrDefault();
                return nodes.Count > 0;
            },
            what,
            Deadline);
        return found;
    }

    public async Task<JsonElement> AwxAsync(string path)
    {
        using var document = JsonDocument.Parse(await Awx.GetStringAsync(new Uri(path.TrimStart('/'), UriKind.Relative)));
        return document.RootElement.Clone();
    }

    public async Task<HttpStatusCode> AwxStatusAsync(string path)
    {
        using var response = await Awx.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Every node of an AWX workflow job and of the workflows nested in it.</summary>
    public async Task<IReadOnlyList<JsonElement>> AwxNodesAsync(long workflowJobId)
    {
        var nodes = new List<JsonElement>();
        foreach (var node in (await AwxAsync($"api/v2/workflow_jobs/{workflowJobId}/workflow_nodes/?page_size=200")).GetProperty("results").EnumerateArray())
        {
            nodes.Add(node);
            if (node.GetProperty("summary_fields").TryGetProperty("job", out var job) && job.GetProperty("type").GetString() == "workflow_job")
            {
                nodes.AddRange(await AwxNodesAsync(job.GetProperty("id").GetInt64()));
            }
        }

        return nodes;
    }

    /// <summary>How many events AWX holds for a job.</summary>
    public async Task<long> AwxEventCountAsync(long jobId) =>
        (await AwxAsync($"api/v2/jobs/{jobId}/job_events/?page_size=1")).GetProperty("count").GetInt64();

    /// <summary>What the database holds for one job of an execution: rows, distinct counters, lowest and highest counter.</summary>
    public async Task<StoredEvents> StoredEventsAsync(Guid executionId, long jobId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select count(*), count(distinct counter), coalesce(min(counter), 0), coalesce(max(counter), 0)
            from job_events where execution_id = @e and job_id = @j
            """,
            connection);
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredEvents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The AWX workflow job template the execution's workflow job ran: its ephemeral clone.</summary>
    public async Task<long> CloneOfAsync(long workflowJobId) =>
        (await AwxAsync($"api/v2/workflow_jobs/{workflowJobId}/")).GetProperty("workflow_job_template").GetInt64();

    /// <summary>Waits for AWX to lose the clone; at the deadline, fails saying what AWX and the database hold of it.</summary>
    public async Task WaitForCloneRemovedAsync(long cloneId)
    {
        try
        {
            await Eventually.TrueAsync(
                async () => await AwxStatusAsync($"api/v2/workflow_job_templates/{cloneId}/") == HttpStatusCode.NotFound,
                $"the ephemeral clone {cloneId} to be removed from AWX",
                Deadline);
        }
        catch (TimeoutException timeout)
        {
            var workflowJobs = (await AwxAsync($"api/v2/workflow_job_templates/{cloneId}/workflow_jobs/")).GetProperty("results").EnumerateArray()
                .Select(job => $"{job.GetProperty("id")} {job.GetProperty("status")}");
            await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select id, status, clone_removed_at from executions where awx_workflow_clone_id = @clone", connection);
            command.Parameters.AddWithValue("clone", (int)cloneId);
            await using var reader = await command.ExecuteReaderAsync();
            var stored = await reader.ReadAsync()
                ? $"execution {reader.GetGuid(0)} is {reader.GetString(1)}, clone_removed_at {(await reader.IsDBNullAsync(2) ? "null" : reader.GetDateTime(2).ToString("o"))}"
                : "no execution records it";
            Assert.Fail($"{timeout.Message} Its workflow jobs in AWX: [{string.Join(", ", workflowJobs)}]; {stored}.");
        }
    }

    public static async Task<JsonElement> DataAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>The problem's detail, once checked it is a problem with <paramref name="expected"/>.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        Viewer.Dispose();
        Awx.Dispose();
        await pipeline.DisposeAsync();
    }

    private static HttpClient CreateViewer(Pipeline pipeline)
    {
        var client = new HttpClient { BaseAddress = pipeline.GatewayUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", ViewerKey);
        return client;
    }
}
