using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// One Gateway on its own database, virtual host and Redis prefix, with the other services' side of the bus; shared
/// by the fixtures that need a single instance, started on first use.
/// </summary>
internal sealed class GatewayEnvironment : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static GatewayEnvironment? shared;

    private GatewayEnvironment(IsolatedInfrastructure infrastructure, TestExecutions data, GatewayHost gateway, TestBus bus)
    {
        Infrastructure = infrastructure;
        Data = data;
        Gateway = gateway;
        Bus = bus;
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public TestExecutions Data { get; }

    public GatewayHost Gateway { get; }

    public TestBus Bus { get; }

    public static async Task<GatewayEnvironment> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DisposeSharedAsync()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
            shared = null;
        }
    }

    private static async Task<GatewayEnvironment> StartAsync()
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var data = TestExecutions.For(infrastructure.Postgres);
        var gateway = await GatewayHost.StartAsync(infrastructure.Configuration);
        var bus = await TestBus.StartAsync(infrastructure.RabbitMq, data.Executions);
        return new GatewayEnvironment(infrastructure, data, gateway, bus);
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Gateway.DisposeAsync();
        await Data.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
