using System.Diagnostics.Metrics;
using Fabrik.Executions.Gateway.Hubs;
using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Gateway.Telemetry;

/// <summary>
/// What the Gateway pushes to browsers and how late, and the hub's groups, on the system's meter. Connections are
/// ASP.NET Core's own <c>signalr.server.active_connections</c>.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Counter<long> pushes;
    private readonly Histogram<double> pushLag;

    public GatewayMetrics(IMeterFactory meterFactory, HubMembership membership)
    {
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        pushes = meter.CreateCounter<long>("fabrik.gateway.pushes", "{message}", "Bus messages pushed to hub groups, by message type.");
        pushLag = meter.CreateHistogram<double>(
            "fabrik.gateway.push.lag", "s", "From publishing (right after storing) to the push to browsers, by message type.");
        meter.CreateObservableGauge(
            "fabrik.gateway.hub.groups", () => Observe(membership.GroupsByKind()), "{group}", "Hub groups with at least one member on this Gateway, by kind.");
        meter.CreateObservableGauge(
            "fabrik.gateway.hub.subscriptions", () => Observe(membership.MembersByKind()), "{subscription}", "Connections in hub groups on this Gateway, by kind.");
    }

    public void Pushed(string message, TimeSpan lag)
    {
        var tag = new KeyValuePair<string, object?>("message", message);
        pushes.Add(1, tag);
        pushLag.Record(Math.Max(0, lag.TotalSeconds), tag);
    }

    private static IEnumerable<Measurement<int>> Observe(IReadOnlyDictionary<string, int> byKind) =>
        byKind.Select(kind => new Measurement<int>(kind.Value, new KeyValuePair<string, object?>("kind", kind.Key)));
}
