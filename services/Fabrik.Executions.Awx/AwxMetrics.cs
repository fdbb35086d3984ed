using System.Diagnostics;
using System.Diagnostics.Metrics;
using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Awx;

/// <summary>Every call to AWX, by operation (method and path with ids blanked) and answer, on the system's meter.</summary>
public sealed class AwxMetrics
{
    private readonly Counter<long> requests;
    private readonly Histogram<double> duration;

    public AwxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        requests = meter.CreateCounter<long>("fabrik.awx.requests", "{request}", "Requests to AWX, by operation and status code (error when none came back).");
        duration = meter.CreateHistogram<double>("fabrik.awx.request.duration", "s", "How long AWX took to answer, by operation and status code.");
    }

    public void Record(string operation, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", operation }, { "status", status } };
        requests.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }
}
