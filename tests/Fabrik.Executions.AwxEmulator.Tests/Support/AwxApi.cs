using System.Net;
using System.Text;
using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests.Support;

/// <summary>Plain HTTP calls to the emulator, as an AWX client would make them, answering raw JSON.</summary>
public sealed class AwxApi(HttpClient client) : IDisposable
{
    private static readonly string[] TerminalStatuses = ["successful", "failed", "error", "canceled"];

    public HttpClient Client => client;

    public static bool IsTerminal(JsonElement job) => TerminalStatuses.Contains(job.GetProperty("status").GetString());

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return (response.StatusCode, default);
        }
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {body}");
        return body;
    }

    public async Task<int> LaunchAsync(int templateId, object? extraVars = null, string? limit = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v2/job_templates/{templateId}/launch/",
            new Dictionary<string, object?> { ["extra_vars"] = extraVars ?? new Dictionary<string, object>(), ["limit"] = limit });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("job").GetInt32();
    }

    /// <summary>Launches the synthetic template as fast as the emulator can play it.</summary>
    public Task<int> LaunchSyntheticAsync(int events, int hosts, object? moreVars = null, string? limit = null)
    {
        var extraVars = new Dictionary<string, object?>
        {
            ["emulator_events"] = events,
            ["emulator_hosts"] = hosts,
            ["emulator_events_per_second"] = 0,
        };
        foreach (var property in JsonSerializer.SerializeToElement(moreVars ?? new object()).EnumerateObject())
        {
            extraVars[property.Name] = property.Value;
        }
        return LaunchAsync(1, extraVars, limit);
    }

    public Task<JsonElement> JobAsync(int jobId) => GetAsync($"/api/v2/jobs/{jobId}/");

    public Task<JsonElement> WaitForJobAsync(int jobId, Func<JsonElement, bool> condition, string what) =>
        Eventually.UntilAsync(() => JobAsync(jobId), condition, $"job {jobId}: {what}");

    /// <summary>Waits until the job is over and AWX says every event is saved.</summary>
    public Task<JsonElement> WaitUntilProcessedAsync(int jobId) =>
        WaitForJobAsync(jobId, job => IsTerminal(job) && job.GetProperty("event_processing_finished").GetBoolean(),
            "terminal with event_processing_finished");

    /// <summary>Follows <c>next</c> from the first page to the last and returns every result.</summary>
    public async Task<List<JsonElement>> WalkAsync(string firstPage)
    {
        var results = new List<JsonElement>();
        string? next = firstPage;
        while (next is not null)
        {
            var page = await GetAsync(next);
            results.AddRange(page.GetProperty("results").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return results;
    }

    public Task<List<JsonElement>> AllEventsAsync(int jobId) =>
        WalkAsync($"/api/v2/jobs/{jobId}/job_events/?order_by=counter&page_size=200&no_truncate=1");

    public void Dispose() => client.Dispose();
}
