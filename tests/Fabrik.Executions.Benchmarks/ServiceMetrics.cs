using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>A counter read from a service's own <c>/metrics</c> (Prometheus text), summed over the series that match.</summary>
internal static class ServiceMetrics
{
    private static readonly HttpClient Scraper = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="service">The service's base address.</param>
    /// <param name="counter">The metric's full name, as <c>/metrics</c> spells it.</param>
    /// <param name="label">Only series whose labels contain this, such as <c>server_port="8052"</c>.</param>
    public static async Task<double> SumAsync(Uri service, string counter, string? label = null) =>
        Sum(await Scraper.GetStringAsync(new Uri(service, "/metrics")), counter, label);

    /// <summary>The sum of <paramref name="counter"/>'s series in <paramref name="metrics"/>, Prometheus text.</summary>
    public static double Sum(string metrics, string counter, string? label = null)
    {
        var total = 0d;
        foreach (var line in metrics.Split('\n'))
        {
            if (!line.StartsWith(counter, StringComparison.Ordinal) || line.Length == counter.Length
                || line[counter.Length] is not ('{' or ' ') || (label is not null && !line.Contains(label, StringComparison.Ordinal)))
            {
                continue;
            }

            var value = line[(line[counter.Length] == '{' ? line.LastIndexOf('}') + 1 : counter.Length)..].Trim().Split(' ')[0];
            total += double.Parse(value, CultureInfo.InvariantCulture);
        }

        return total;
    }
}
