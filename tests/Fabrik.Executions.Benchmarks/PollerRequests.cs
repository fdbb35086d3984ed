using System.Globalization;

namespace Fabrik.Executions.Benchmarks;

/// <summary>How many requests a poller has made to AWX, read from its own <c>/metrics</c> (the HTTP client's request counter).</summary>
internal sealed class PollerRequests(Uri awx)
{
    private const string Counter = "http_client_request_duration_seconds_count";

    public async Task<long> CountAsync(Uri poller) =>
        (long)await ServiceMetrics.SumAsync(poller, Counter, $"server_port=\"{awx.Port.ToString(CultureInfo.InvariantCulture)}\"");

    public async Task<long[]> CountAllAsync(IEnumerable<Uri> pollers) => await Task.WhenAll(pollers.Select(CountAsync));
}
