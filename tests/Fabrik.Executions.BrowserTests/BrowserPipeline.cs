using System.Net;
using System.Net.Sockets;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Gateway;
using Fabrik.Executions.Gateway.WebApp;
using Fabrik.Executions.Launcher;
using Fabrik.Executions.ResultParser;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// The whole pipeline on the real servers, as tests/Fabrik.Executions.IntegrationTests/Pipeline.cs runs it, with the
/// Gateway serving the built web app on a port of its own that survives a restart: the page's hub is its own origin,
/// so a Gateway stopped and started again on the same port is the browser's "server went away and came back". The
/// Gateway takes API keys and bearer tokens from a token issuer of its own, as it would from an identity provider.
/// </summary>
public sealed class BrowserPipeline : IAsyncDisposable
{
    public const string OperatorKey = "browser-tests-operator-key";
    public const string ViewerKey = "browser-tests-viewer-key-0";

    private readonly List<WebApplication> services = [];
    private readonly string webRoot;
    private readonly int gatewayPort;
    private WebApplication? gateway;
    private ServiceProvider? storage;

    private BrowserPipeline(
        IsolatedInfrastructure infrastructure, AwxEmulatorHost awx, TestTokenIssuer tokens, string webRoot, int gatewayPort)
    {
        Infrastructure = infrastructure;
        Awx = awx;
        Tokens = tokens;
        this.webRoot = webRoot;
        this.gatewayPort = gatewayPort;
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Awx { get; }

    /// <summary>The identity provider whose tokens the Gateway accepts.</summary>
    public TestTokenIssuer Tokens { get; }

    public Uri GatewayUrl => new($"http://127.0.0.1:{gatewayPort}/");

    /// <summary>The fixture's database, through the same storage classes the services use.</summary>
    public IServiceProvider Storage => storage ??= new ServiceCollection().AddFabrikStorage(Infrastructure.Postgres).BuildServiceProvider();

    public static async Task<BrowserPipeline> StartAsync(string webRoot)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        var tokens = await TestTokenIssuer.StartAsync();
        var pipeline = new BrowserPipeline(infrastructure, awx, tokens, webRoot, FreePort());
        pipeline.services.Add(await pipeline.StartAsync(LauncherApplication.Create, 0));
        pipeline.services.Add(await pipeline.StartAsync(StreamPollerApplication.Create, 0));
        pipeline.services.Add(await pipeline.StartAsync(ResultParserApplication.Create, 0));
        await pipeline.StartGatewayAsync();
        return pipeline;
    }

    /// <summary>An HTTP client calling the Gateway as the operator, the way a script would.</summary>
    public HttpClient CreateGatewayClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", OperatorKey);
        return client;
    }

    /// <summary>
    /// Kills the Gateway the page talks to: no graceful drain, its connections are cut at once, and its browsers have
    /// no hub until <see cref="StartGatewayAsync"/>.
    /// </summary>
    public async Task StopGatewayAsync()
    {
        if (gateway is null)
        {
            return;
        }

        // Its bus first, while its hub can still finish the pushes under way: a stop that may not wait leaves the bus
        // running, a competing consumer that takes messages off the Gateway's queues and pushes them to no browser.
        // A killed process leaves its queues at once, and what it held goes back to them.
        await gateway.Services.GetRequiredService<IBusControl>().StopAsync();
        await gateway.StopAsync(new CancellationToken(canceled: true));
        await gateway.DisposeAsync();
        gateway = null;
    }

    /// <summary>Starts a Gateway on the port the page uses.</summary>
    public async Task StartGatewayAsync() => gateway = await StartAsync(GatewayApplication.Create, gatewayPort);

    /// <summary>Another Gateway of this pipeline serving the web app from <paramref name="otherWebRoot"/>, on a port of its own.</summary>
    public Task<WebApplication> StartGatewayServingAsync(string otherWebRoot) =>
        StartAsync(GatewayApplication.Create, 0, otherWebRoot);

    public async ValueTask DisposeAsync()
    {
        await StopGatewayAsync();
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.StopAsync();
            await service.DisposeAsync();
        }

        if (storage is not null)
        {
            await storage.DisposeAsync();
        }

        await Tokens.DisposeAsync();
        await Awx.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private async Task<WebApplication> StartAsync(
        Func<string[], IReadOnlyDictionary<string, string?>?, WebApplication> create, int port, string? servedWebRoot = null)
    {
        var configuration = new Dictionary<string, string?>(Infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = Awx.BaseUrl.ToString(),
            ["Awx:Token"] = Awx.Token,
            ["Poller:ScanSeconds"] = "1",
            ["Poller:MissingEventsWaitSeconds"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            [WebAppExtensions.RootKey] = servedWebRoot ?? webRoot,
            ["Auth:ApiKeys:0:Name"] = "browser-operator",
            ["Auth:ApiKeys:0:Key"] = OperatorKey,
            ["Auth:ApiKeys:0:Role"] = "operator",
            ["Auth:ApiKeys:1:Name"] = "browser-viewer",
            ["Auth:ApiKeys:1:Key"] = ViewerKey,
            ["Auth:ApiKeys:1:Role"] = "viewer",
            ["Auth:Jwt:Authority"] = Tokens.Authority,
            ["Auth:Jwt:Audience"] = TestTokenIssuer.Audience,
            // The tests poll the API while the page uses it, under the same key.
            ["Gateway:RateLimitBurst"] = "100000",
            ["Gateway:RateLimitPerSecond"] = "100000",
        };
        var service = create(["--urls", $"http://127.0.0.1:{port}"], configuration);
        await service.StartAsync();
        return service;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
