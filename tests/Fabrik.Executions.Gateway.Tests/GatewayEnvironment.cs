using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// One Gateway on its own database, virtual host and Redis prefix, with the other services' side of the bus (the
/// Launcher's launches and its operator commands stood in for) and a token issuer it trusts; shared by the fixtures
/// that need a single instance, started on first use.
/// </summary>
internal sealed class GatewayEnvironment : IAsyncDisposable
{
    public const string AllowedOrigin = "https://portal.example.test";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static GatewayEnvironment? shared;

    private GatewayEnvironment(
        IsolatedInfrastructure infrastructure, TestExecutions data, GatewayHost gateway, TestBus bus,
        StandInOperatorLauncher operatorLauncher, TestTokenIssuer tokens)
    {
        Infrastructure = infrastructure;
        Data = data;
        Gateway = gateway;
        Bus = bus;
        OperatorLauncher = operatorLauncher;
        Tokens = tokens;
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public TestExecutions Data { get; }

    public GatewayHost Gateway { get; }

    public TestBus Bus { get; }

    public StandInOperatorLauncher OperatorLauncher { get; }

    public TestTokenIssuer Tokens { get; }

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
        var tokens = await TestTokenIssuer.StartAsync();
        var settings = GatewayHost.Settings(infrastructure.Configuration);
        settings["Auth:Jwt:Authority"] = tokens.Authority;
        settings["Auth:Jwt:Audience"] = TestTokenIssuer.Audience;
        settings["Cors:AllowedOrigins:0"] = AllowedOrigin;
        var gateway = await GatewayHost.StartWithAsync(settings);
        var bus = await TestBus.StartAsync(infrastructure.RabbitMq, data.Executions);
        var operatorLauncher = await StandInOperatorLauncher.StartAsync(infrastructure.RabbitMq, data);
        return new GatewayEnvironment(infrastructure, data, gateway, bus, operatorLauncher, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        await OperatorLauncher.DisposeAsync();
        await Bus.DisposeAsync();
        await Gateway.DisposeAsync();
        await Tokens.DisposeAsync();
        await Data.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
