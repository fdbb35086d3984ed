using System.Collections.Concurrent;
using Fabrik.Executions.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fabrik.Executions.Testing;

/// <summary>
/// A test's own place on a fixture's virtual host, wired as the services wire their bus: an <see cref="IBus"/> to
/// publish, send and request with, and a queue that records every published message of the types asked for.
/// </summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> received = new();
    private readonly List<Action<IReceiveEndpointConfigurator>> recorders = [];
    private readonly IsolatedInfrastructure infrastructure;
    private IHost? host;

    public BusProbe(IsolatedInfrastructure infrastructure) => this.infrastructure = infrastructure;

    public IBus Bus => host?.Services.GetRequiredService<IBus>() ?? throw new InvalidOperationException("Start the probe first.");

    public BusProbe Recording<T>()
        where T : class
    {
        recorders.Add(endpoint => endpoint.Handler<T>(context =>
        {
            received.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        return this;
    }

    public async Task<BusProbe> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.Configuration);
        builder.AddFabrikBus("test-probe", _ => { });
        host = builder.Build();
        await host.StartAsync();

        var connector = host.Services.GetRequiredService<IReceiveEndpointConnector>();
        var endpoint = connector.ConnectReceiveEndpoint("test-probe-" + Guid.NewGuid().ToString("N")[..8], (_, configurator) =>
        {
            foreach (var recorder in recorders)
            {
                recorder(configurator);
            }
        });
        await endpoint.Ready;
        return this;
    }

    public IReadOnlyList<T> Received<T>() => received.OfType<T>().ToList();

    public Task<T> WaitForAsync<T>(Func<T, bool> match, string what, TimeSpan? timeout = null)
        where T : class =>
        Eventually.GetAsync(() => received.OfType<T>().FirstOrDefault(match), what, timeout);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
