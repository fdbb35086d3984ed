using System.Net;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class RequestLogTests : EmulatorTest
{
    [Test]
    public async Task Every_api_request_is_logged_with_its_query_even_one_a_fault_answers()
    {
        var marker = Guid.NewGuid().ToString("N");
        await Api.GetAsync($"/api/v2/job_templates/?page_size=3&name={marker}");
        Host.Faults = new() { ServerErrorRate = 1 };
        var (status, _) = await Api.SendAsync(HttpMethod.Get, $"/api/v2/jobs/?search={marker}");

        var logged = Host.GetApiRequests().Where(request => request.Query.Values.Contains(marker)).ToList();
        var served = await Api.GetAsync("/_emulator/requests");

        Assert.That(status, Is.GreaterThanOrEqualTo(HttpStatusCode.InternalServerError));
        Assert.That(logged.Select(request => (request.Method, request.Path)), Is.EqualTo(new[]
        {
            ("GET", "/api/v2/job_templates/"), ("GET", "/api/v2/jobs/"),
        }));
        Assert.That(logged[0].Query, Is.EquivalentTo(new Dictionary<string, string> { ["page_size"] = "3", ["name"] = marker }));
        var servedQueries = served.EnumerateArray().Select(request => request.GetProperty("query")).ToList();
        Assert.That(servedQueries.Count(query => query.TryGetProperty("search", out var value) && value.GetString() == marker), Is.EqualTo(1),
            "the admin route serves the same log");
    }
}
