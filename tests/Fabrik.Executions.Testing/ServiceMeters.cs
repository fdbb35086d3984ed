using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Testing;

/// <summary>
/// The counters named <c>{prefix}*</c> of one in-process service instance, totalled since this was created: only that
/// instance's, though several run in the process, because each host creates its meters from its own factory.
/// Tagged measurements are kept per tag too: <c>fabrik.watchdog.sweeps{outcome=skipped}</c>.
/// </summary>
public sealed class ServiceMeters : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public ServiceMeters(IServiceProvider services, string prefix)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
            {
                totals.AddOrUpdate($"{instrument.Name}{{{tag.Key}={tag.Value}}}", value, (_, total) => total + value);
            }
        });
        listener.Start();
    }

    public long this[string name] => totals.GetValueOrDefault(name);

    public void Dispose() => listener.Dispose();
}
