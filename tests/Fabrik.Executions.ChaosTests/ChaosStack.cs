using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ChaosTests;

/// <summary>
/// The whole system as separate processes on the real servers, so that a test can SIGKILL any of them: the AWX
/// emulator in-process, and the Launcher, ResultParser, Watchdogs, pollers and Gateways each as its own process.
/// </summary>
internal sealed class ChaosStack : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, LiveService> services = [];

    private ChaosStack(IsolatedInfrastructure infrastructure, AwxEmulatorHost awx)
    {
        Infrastructure = infrastructure;
        Awx = awx;
        ApiKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Awx { get; }

    public string ApiKey { get; }

    public IReadOnlyList<Uri> GatewayUrls => services.Where(s => s.Key.StartsWith("gateway", StringComparison.Ordinal))
        .Select(s => s.Value.Url).ToList();

    public static async Task<ChaosStack> StartAsync(int pollers, int gateways, int watchdogs)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        var stack = new ChaosStack(infrastructure, awx);
        await stack.StartAsync("launcher", "Fabrik.Executions.Launcher");
        await stack.StartAsync("result-parser", "Fabrik.Executions.ResultParser");
        for (var i = 1; i <= watchdogs; i++)
        {
            await stack.StartAsync($"watchdog-{i}", "Fabrik.Executions.Watchdog");
        }

        for (var i = 1; i <= pollers; i++)
        {
            await stack.StartPollerAsync(i);
        }

        for (var i = 1; i <= gateways; i++)
        {
            await stack.StartAsync($"gateway-{i}", "Fabrik.Executions.Gateway");
        }

        return stack;
    }

    public Task StartPollerAsync(int number) => StartAsync($"poller-{number}", "Fabrik.Executions.StreamPoller");

    /// <summary>The running pollers by name, with the process id their leases carry.</summary>
    public IReadOnlyDictionary<string, int> Pollers => services
        .Where(s => s.Key.StartsWith("poller", StringComparison.Ordinal))
        .ToDictionary(s => s.Key, s => s.Value.Process.Id);

    /// <summary>SIGKILLs the service and answers its process id, by which its leases can be recognised.</summary>
    public int Kill(string name)
    {
        var service = services[name];
        services.Remove(name);
        var id = service.Process.Id;
        service.Process.KillHard();
        service.Dispose();
        return id;
    }

    public HttpClient CreateGatewayClient()
    {
        var client = new HttpClient { BaseAddress = GatewayUrls[0] };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services.Values)
        {
            service.Dispose();
        }

        await Awx.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>(Infrastructure.Configuration)
    {
        ["Awx:BaseUrl"] = Awx.BaseUrl.ToString(),
        ["Awx:Token"] = Awx.Token,
        ["Auth:ApiKeys:0:Name"] = "chaos-suite",
        ["Auth:ApiKeys:0:Key"] = ApiKey,
        ["Auth:ApiKeys:0:Role"] = "operator",
        ["Poller:ScanSeconds"] = "1",
        ["Poller:MissingEventsWaitSeconds"] = "30",
        ["Watchdog:SweepIntervalMilliseconds"] = "2000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    private async Task StartAsync(string name, string assembly) =>
        services[name] = await LiveService.StartAsync(name, assembly, Configuration, StartDeadline);
}
