using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// The other services' side of the bus, on the fixture's virtual host: publishes what the poller and the others
/// publish, and runs the <see cref="StandInLauncher"/>.
/// </summary>
internal sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl bus;

    private TestBus(IBusControl bus, ConcurrentQueue<LaunchExecution> launchCommands)
    {
        this.bus = bus;
        LaunchCommands = launchCommands;
    }

    /// <summary>Every launch command the stand-in Launcher received.</summary>
    public ConcurrentQueue<LaunchExecution> LaunchCommands { get; }

    public static async Task<TestBus> StartAsync(Uri rabbitMq, ExecutionRepository executions)
    {
        var launchCommands = new ConcurrentQueue<LaunchExecution>();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(rabbitMq);
            rabbit.ReceiveEndpoint("stand-in-launcher", endpoint =>
                endpoint.Consumer(() => new StandInLauncher(executions, launchCommands)));
        });
        await bus.StartAsync();
        return new TestBus(bus, launchCommands);
    }

    public Task PublishAsync<T>(T message) where T : class => bus.Publish(message);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
