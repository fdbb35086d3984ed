using System.Globalization;
using System.Net.Http.Headers;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>One scrape of a service's <c>/metrics</c> in the OpenMetrics format, which states each metric's unit.</summary>
public sealed class MetricsScrape
{
    private readonly string[] lines;

    private MetricsScrape(string text) => lines = text.Split('\n');

    public string Text => string.Join('\n', lines);

    public static async Task<MetricsScrape> ReadAsync(Uri service)
    {
        using var client = new HttpClient { BaseAddress = service };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/openmetrics-text; version=1.0.0"));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new MetricsScrape(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The unit the scrape declares for a metric family, null when it declares none.</summary>
    public string? UnitOf(string family) =>
        lines.FirstOrDefault(line => line.StartsWith($"# UNIT {family} ", StringComparison.Ordinal))?[($"# UNIT {family} ".Length)..].Trim();

    /// <summary>The value of the first sample of <paramref name="sample"/> whose labels contain every one of <paramref name="labels"/>.</summary>
    public double? ValueOf(string sample, params string[] labels) =>
        lines
            .Where(line => line.StartsWith(sample + "{", StringComparison.Ordinal) || line.StartsWith(sample + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf('}') is var close and >= 0 ? close + 1 : sample.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .Cast<double?>()
            .FirstOrDefault();
}
