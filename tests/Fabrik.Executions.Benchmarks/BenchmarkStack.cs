using System.Net.Http.Headers;
using System.Security.Cryptography;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// The system as it runs in production, each part its own process from this program's (Release) build output: the
/// AWX emulator, the Launcher, the ResultParser, the Gateways and as many pollers as a measurement asks for, on a
/// fresh database, virtual host and Redis prefix of the real servers. No Watchdog: nothing here is stuck on purpose.
/// </summary>
internal sealed class BenchmarkStack : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private readonly string emulatorToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    private readonly List<LiveService> gateways = [];
    private readonly List<LiveService> pollers = [];
    private LiveService? emulator;
    private LiveService? launcher;
    private LiveService? resultParser;

    private BenchmarkStack(IsolatedInfrastructure infrastructure) => Infrastructure = infrastructure;

    public IsolatedInfrastructure Infrastructure { get; }

    public string ApiKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public IReadOnlyList<Uri> GatewayUrls => gateways.Select(g => g.Url).ToList();

    public IReadOnlyList<LiveService> Pollers => pollers;

    public LiveService FirstGateway => gateways[0];

    public Uri EmulatorUrl => emulator!.Url;

    public static async Task<BenchmarkStack> StartAsync(int gatewayCount)
    {
        var stack = new BenchmarkStack(await IsolatedInfrastructure.CreateAsync());
        try
        {
            stack.emulator = await LiveService.StartAsync("awx-emulator", "Fabrik.Executions.AwxEmulator", stack.EmulatorConfiguration, StartDeadline);
            // The rest only need the emulator's address: they start side by side.
            var starting = new[] { ("launcher", "Fabrik.Executions.Launcher"), ("result-parser", "Fabrik.Executions.ResultParser") }
                .Concat(Enumerable.Range(1, gatewayCount).Select(i => ($"gateway-{i}", "Fabrik.Executions.Gateway")))
                .Select(service => LiveService.StartAsync(service.Item1, service.Item2, stack.Configuration, StartDeadline))
                .ToList();
            LiveService[] services;
            try
            {
                services = await Task.WhenAll(starting);
            }
            catch
            {
                foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
                {
                    (await started).Dispose();
                }

                throw;
            }

            stack.launcher = services[0];
            stack.resultParser = services[1];
            stack.gateways.AddRange(services.Skip(2));
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a poller, with <paramref name="settings"/> over the stack's configuration.</summary>
    public async Task<LiveService> StartPollerAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = PollerConfiguration;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var poller = await LiveService.StartAsync($"poller-{pollers.Count + 1}", "Fabrik.Executions.StreamPoller", configuration, StartDeadline);
        pollers.Add(poller);
        return poller;
    }

    /// <summary>Starts a poller unless one runs: the measurements after ingest need one, and run without it when it is left out.</summary>
    public async Task EnsurePollerAsync()
    {
        if (pollers.Count == 0)
        {
            await StartPollerAsync();
        }
    }

    /// <summary>Stops every poller; the executions they held are finished by then or are taken over by the next ones.</summary>
    public void StopPollers()
    {
        foreach (var poller in pollers)
        {
            poller.Dispose();
        }

        pollers.Clear();
    }

    public HttpClient CreateGatewayClient()
    {
        var client = new HttpClient { BaseAddress = gateways[0].Url, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public HttpClient CreateEmulatorClient()
    {
        var client = new HttpClient { BaseAddress = EmulatorUrl, Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulatorToken);
        return client;
    }

    /// <summary>The processes whose CPU and memory the report breaks down, by name.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds() => Services().ToDictionary(service => service.Key, service => service.Value.Id);

    /// <summary>What each process wrote last, for the log of a phase that failed.</summary>
    public string RecentOutput() =>
        string.Join(Environment.NewLine, Services().Select(service => $"--- {service.Key}:{Environment.NewLine}{service.Value.RecentOutput}"));

    private Dictionary<string, ServiceProcess> Services()
    {
        var services = new Dictionary<string, ServiceProcess>
        {
            ["awx-emulator"] = emulator!.Process,
            ["launcher"] = launcher!.Process,
            ["result-parser"] = resultParser!.Process,
        };
        for (var i = 0; i < gateways.Count; i++)
        {
            services[$"gateway-{i + 1}"] = gateways[i].Process;
        }

        for (var i = 0; i < pollers.Count; i++)
        {
            services[$"poller-{i + 1}"] = pollers[i].Process;
        }

        return services;
    }

    public async ValueTask DisposeAsync()
    {
        StopPollers();
        foreach (var service in gateways.Append(resultParser).Append(launcher).Append(emulator).OfType<LiveService>())
        {
            service.Dispose();
        }

        await Infrastructure.DisposeAsync();
    }

    private Dictionary<string, string?> EmulatorConfiguration => new()
    {
        ["Emulator:Token"] = emulatorToken,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>As deployed (deploy/docker/Dockerfile, deploy/local/lib.sh): with the GC budget for short-lived objects set.</summary>
    private Dictionary<string, string?> PollerConfiguration => new(Configuration) { ["DOTNET_GCgen0size"] = "0x400000" };

    private Dictionary<string, string?> Configuration => new(Infrastructure.Configuration)
    {
        ["Awx:BaseUrl"] = EmulatorUrl.ToString(),
        ["Awx:Token"] = emulatorToken,
        ["Auth:ApiKeys:0:Name"] = "benchmarks",
        ["Auth:ApiKeys:0:Key"] = ApiKey,
        ["Auth:ApiKeys:0:Role"] = "operator",
        // One caller launches and reads for a thousand simulated users: the per-caller limit would measure itself.
        ["Gateway:RateLimitBurst"] = "1000000",
        ["Gateway:RateLimitPerSecond"] = "1000000",
        ["Poller:ScanSeconds"] = "1",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };
}
