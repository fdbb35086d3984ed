using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>What a service's <c>/health/ready</c> answers: the status code and each check's status by name.</summary>
public sealed record Readiness(HttpStatusCode StatusCode, IReadOnlyDictionary<string, string> Checks)
{
    public static async Task<Readiness> ReadAsync(Uri service)
    {
        using var client = new HttpClient { BaseAddress = service };
        using var response = await client.GetAsync("/health/ready");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var checks = report.GetProperty("checks").EnumerateObject().ToDictionary(check => check.Name, check => check.Value.GetString()!);
        return new Readiness(response.StatusCode, checks);
    }

    public bool IsReady => StatusCode == HttpStatusCode.OK && Checks.Values.All(status => status == "Healthy");

    public bool Fails(string check) => StatusCode == HttpStatusCode.ServiceUnavailable && Checks.GetValueOrDefault(check) is "Unhealthy" or "Degraded";

    public override string ToString() => $"{(int)StatusCode} {string.Join(", ", Checks.Select(check => $"{check.Key}={check.Value}"))}";
}
