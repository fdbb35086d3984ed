using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>An operator at work on a pipeline: the Gateway called with the operator's key, and AWX looked at directly.</summary>
internal sealed class OperatorSession(Pipeline pipeline) : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public Pipeline Pipeline => pipeline;

    public HttpClient Gateway { get; } = pipeline.CreateGatewayClient();

    /// <summary>The operator's API key's name: who its cancels and relaunches are recorded as.</summary>
    public string Name => pipeline.ServiceConfiguration["Auth:ApiKeys:0:Name"]!;

    /// <summary>Launches the synthetic template; <paramref name="marker"/> goes into the extra vars so its AWX jobs can be found.</summary>
    public async Task<JsonElement> LaunchAsync(string marker, JsonObject extraVars)
    {
        extraVars["test_marker"] = marker;
        using var response = await Gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = marker,
            ["template"] = new JsonObject { ["kind"] = "job", ["id"] = 1, ["name"] = "Synthetic" },
            ["extra_vars"] = extraVars,
            ["credentials"] = new JsonArray(),
        });
        return await DataAsync(response, HttpStatusCode.Accepted);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null) =>
        Gateway.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Gateway.GetAsync(new Uri(path, UriKind.Relative));
        return await DataAsync(response, HttpStatusCode.OK);
    }

    public Task<JsonElement> WaitForStatusAsync(Guid executionId, string status) =>
        WaitForAsync(executionId, execution => execution.GetProperty("status").GetString() == status, status);

    /// <summary>Waits until the execution finished and its per-host results are parsed.</summary>
    public Task<JsonElement> WaitForResultsAsync(Guid executionId) =>
        WaitForAsync(executionId, execution => execution.GetProperty("row_results").ValueKind != JsonValueKind.Null, "with parsed results");

    /// <summary>AWX's own view of a job.</summary>
    public async Task<JsonElement> AwxJobAsync(long jobId)
    {
        using var awx = pipeline.Awx.CreateClient();
        using var job = JsonDocument.Parse(await awx.GetStringAsync(new Uri($"api/v2/jobs/{jobId}/", UriKind.Relative)));
        return job.RootElement.Clone();
    }

    /// <summary>AWX's jobs whose extra vars carry <paramref name="marker"/>, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> AwxJobsMarkedAsync(string marker)
    {
        using var awx = pipeline.Awx.CreateClient();
        using var page = JsonDocument.Parse(await awx.GetStringAsync(new Uri("api/v2/jobs/?page_size=200&order_by=id", UriKind.Relative)));
        return page.RootElement.GetProperty("results").EnumerateArray()
            .Where(job => JsonDocument.Parse(job.GetProperty("extra_vars").GetString()!).RootElement.TryGetProperty("test_marker", out var value)
                          && value.GetString() == marker)
            .Select(job => job.Clone())
            .ToList();
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
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await pipeline.DisposeAsync();
    }

    private async Task<JsonElement> WaitForAsync(Guid executionId, Func<JsonElement, bool> condition, string what)
    {
        var execution = default(JsonElement);
        await Eventually.TrueAsync(
            async () => condition(execution = await GetAsync($"/api/v1/executions/{executionId}")),
            $"execution {executionId} to be {what}",
            Deadline);
        return execution;
    }
}
