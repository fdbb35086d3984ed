using System.Collections.Concurrent;
using System.Diagnostics;
using Fabrik.Executions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>
/// An in-process trace collector: an OpenTelemetry tracer provider recording the spans a service records for a
/// collector, keeping every ended span. The services run in this process, so it sees the spans of all of them.
/// </summary>
public sealed class SpanCollector : IDisposable
{
    private readonly KeepEnded keeper = new();
    private readonly TracerProvider provider;

    public SpanCollector()
    {
        provider = Sdk.CreateTracerProviderBuilder()
            .AddFabrikSpans()
            .AddProcessor(keeper)
            .Build();
    }

    public IReadOnlyList<Activity> Spans => keeper.Ended.ToList();

    public void Dispose() => provider.Dispose();

    private sealed class KeepEnded : BaseProcessor<Activity>
    {
        public ConcurrentQueue<Activity> Ended { get; } = new();

        public override void OnEnd(Activity data) => Ended.Enqueue(data);
    }
}
