using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher;
using Fabrik.Executions.ResultParser;
using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.Builder;

namespace Fabrik.Executions.Watchdog.Tests.EndToEnd;

/// <summary>
/// The pipeline behind the Gateway on the real servers, as tests/Fabrik.Executions.IntegrationTests runs it, plus the
/// Watchdog: the AWX emulator, the Launcher, pollers started and stopped at will, the ResultParser, and a probe that
/// launches through the bus and records what the services publish.
/// </summary>
public sealed class RecoveryPipeline : IAsyncDisposable
{
    private readonly List<WebApplication> services = [];

    private RecoveryPipeline(IsolatedInfrastructure infrastructure, AwxEmulatorHost awx, BusProbe probe)
    {
        Infrastructure = infrastructure;
        Awx = awx;
        Probe = probe;
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Awx { get; }

    public BusProbe Probe { get; }

    public static async Task<RecoveryPipeline> StartAsync()
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        var probe = await new BusProbe(infrastructure).Recording<ResumeStreaming>().Recording<ExecutionFinished>().StartAsync();
        var pipeline = new RecoveryPipeline(infrastructure, awx, probe);
        await pipeline.StartAsync(LauncherApplication.Create);
        await pipeline.StartAsync(ResultParserApplication.Create);
        await pipeline.StartAsync(
            WatchdogApplication.Create, new() { ["Watchdog:SweepIntervalMilliseconds"] = "250", ["Watchdog:LaunchGraceSeconds"] = "5" });
        return pipeline;
    }

    /// <summary>
    /// A poller that looks for unheld executions only once, at start: after that only <c>ExecutionLaunched</c> and
    /// <c>ResumeStreaming</c> start its streams.
    /// </summary>
    public Task<WebApplication> StartPollerWithoutScansAsync() =>
        StartAsync(StreamPollerApplication.Create, new() { ["Poller:ScanSeconds"] = "300" });

    public async Task StopAsync(WebApplication service)
    {
        services.Remove(service);
        await service.StopAsync();
        await service.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.StopAsync();
            await service.DisposeAsync();
        }

        await Probe.DisposeAsync();
        await Awx.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private async Task<WebApplication> StartAsync(
        Func<string[], IReadOnlyDictionary<string, string?>?, WebApplication> create, Dictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>(Infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = Awx.BaseUrl.ToString(),
            ["Awx:Token"] = Awx.Token,
            ["Poller:MissingEventsWaitSeconds"] = "10",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var service = create(["--urls", "http://127.0.0.1:0"], configuration);
        await service.StartAsync();
        services.Add(service);
        return service;
    }
}
