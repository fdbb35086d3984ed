using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Gateway;
using Fabrik.Executions.Launcher;
using Fabrik.Executions.ResultParser;
using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>
/// The whole pipeline on the real servers: the AWX emulator and every service, each its own host on its own port,
/// wired exactly as Program.cs wires them, sharing one isolated database, virtual host and Redis prefix.
/// </summary>
public sealed class Pipeline : IAsyncDisposable
{
    private readonly List<WebApplication> services = [];
    private readonly List<WebApplication> pollers = [];
    private readonly string operatorKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    private readonly IReadOnlyDictionary<string, string?> settings;

    private Pipeline(IsolatedInfrastructure infrastructure, AwxEmulatorHost awx, IReadOnlyDictionary<string, string?> settings)
    {
        Infrastructure = infrastructure;
        Awx = awx;
        this.settings = settings;
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Awx { get; }

    public Uri GatewayUrl { get; private set; } = null!;

    public IServiceProvider GatewayServices { get; private set; } = null!;

    public WebApplication Launcher { get; private set; } = null!;

    /// <summary>The in-process pollers still running, in the order they started.</summary>
    public IReadOnlyList<WebApplication> Pollers => pollers;

    /// <summary>What every service of this pipeline is configured with; a service run as its own process gets it as environment.</summary>
    public IReadOnlyDictionary<string, string?> ServiceConfiguration
    {
        get
        {
            var configuration = new Dictionary<string, string?>(Infrastructure.Configuration)
            {
                ["Awx:BaseUrl"] = Awx.BaseUrl.ToString(),
                ["Awx:Token"] = Awx.Token,
                ["Auth:ApiKeys:0:Name"] = "integration-tests",
                ["Auth:ApiKeys:0:Key"] = operatorKey,
                ["Auth:ApiKeys:0:Role"] = "operator",
                ["Poller:ScanSeconds"] = "1",
                ["Poller:MissingEventsWaitSeconds"] = "10",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            };
            foreach (var (key, value) in settings)
            {
                configuration[key] = value;
            }

            return configuration;
        }
    }

    /// <param name="awxOptions">The emulator's options; its defaults when null.</param>
    /// <param name="pollers">How many in-process pollers to start.</param>
    /// <param name="settings">Service settings that replace the pipeline's own (poller tuning, say).</param>
    public static async Task<Pipeline> StartAsync(
        AwxEmulatorOptions? awxOptions = null, int pollers = 1, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var awx = await AwxEmulatorHost.StartAsync(awxOptions ?? new AwxEmulatorOptions(), CancellationToken.None);
        var pipeline = new Pipeline(infrastructure, awx, settings ?? new Dictionary<string, string?>());
        pipeline.Launcher = await pipeline.StartAsync(LauncherApplication.Create);
        for (var i = 0; i < pollers; i++)
        {
            await pipeline.StartPollerAsync();
        }

        await pipeline.StartAsync(ResultParserApplication.Create);
        var gateway = await pipeline.StartAsync(GatewayApplication.Create);
        pipeline.GatewayUrl = AddressOf(gateway);
        pipeline.GatewayServices = gateway.Services;
        return pipeline;
    }

    public async Task<WebApplication> StartPollerAsync()
    {
        var poller = await StartAsync(StreamPollerApplication.Create);
        pollers.Add(poller);
        return poller;
    }

    /// <summary>Stops a poller gracefully: it hands its executions over.</summary>
    public async Task StopPollerAsync(WebApplication poller)
    {
        await poller.StopAsync();
        pollers.Remove(poller);
        services.Remove(poller);
        await poller.DisposeAsync();
    }

    public HttpClient CreateGatewayClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", operatorKey);
        return client;
    }

    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(GatewayUrl, "/hubs/executions"), options => options.Headers["X-Api-Key"] = operatorKey)
            .Build();

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.StopAsync();
            await service.DisposeAsync();
        }

        await Awx.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private async Task<WebApplication> StartAsync(Func<string[], IReadOnlyDictionary<string, string?>?, WebApplication> create)
    {
        var service = create(["--urls", "http://127.0.0.1:0"], ServiceConfiguration);
        var serviceName = create.Method.DeclaringType!.Name.Replace("Application", "", StringComparison.Ordinal);
        service.Services.GetRequiredService<ILoggerFactory>().AddProvider(new RecentServiceLogs(serviceName));
        await service.StartAsync();
        services.Add(service);
        return service;
    }

    public static Uri AddressOf(WebApplication service) =>
        new(service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
