using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>How many requests a poller has made to AWX, read from its own <c>/metrics</c> (the HTTP client's request counter).</summary>
internal sealed class PollerRequests(Uri awx)
{
    private const string Counter = "http_client_request_duration_seconds_count";
    private static readonly HttpClient Scraper = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<long> CountAsync(Uri poller)
    {
        var metrics = await Scraper.GetStringAsync(new Uri(poller, "/metrics"));
        var port = $"server_port=\"{awx.Port.ToString(CultureInfo.InvariantCulture)}\"";
        var total = 0L;
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(Counter, StringComparison.Ordinal) && line.Contains(port, StringComparison.Ordinal))
            {
                total += (long)double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    public async Task<long[]> CountAllAsync(IEnumerable<Uri> pollers) => await Task.WhenAll(pollers.Select(CountAsync));
}
