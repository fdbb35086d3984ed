using Fabrik.Executions.AwxEmulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Testing;

/// <summary>
/// One service hosted in-process on a fixture's own database and virtual host, pointed at an in-process AWX
/// emulator, with a probe on the same virtual host that publishes to it and records what it publishes.
/// </summary>
public abstract class InProcessService : IAsyncDisposable
{
    protected InProcessService(InProcessServiceParts parts)
    {
        Infrastructure = parts.Infrastructure;
        Emulator = parts.Emulator;
        Service = parts.Service;
        Probe = parts.Probe;
        Awx = parts.Emulator.CreateClient();
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Emulator { get; }

    public WebApplication Service { get; }

    public BusProbe Probe { get; }

    /// <summary>The emulator's AWX API, with the right token.</summary>
    public HttpClient Awx { get; }

    public T Get<T>() where T : notnull => Service.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Awx.Dispose();
        await Probe.DisposeAsync();
        await Service.StopAsync();
        await Service.DisposeAsync();
        await Emulator.DisposeAsync();
        await Infrastructure.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <param name="create">The service's application factory, as its Program.cs calls it.</param>
    /// <param name="record">The messages the probe records.</param>
    /// <param name="serviceToken">The token the service presents to AWX; the emulator's own when null.</param>
    protected static async Task<InProcessServiceParts> StartPartsAsync(
        Func<string[], IReadOnlyDictionary<string, string?>?, WebApplication> create, Func<BusProbe, BusProbe> record, string? serviceToken = null)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var emulator = await AwxEmulatorHost.StartAsync(
            new AwxEmulatorOptions { Token = "service-tests-" + Guid.NewGuid().ToString("N") }, CancellationToken.None);
        var settings = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Awx:Token"] = serviceToken ?? emulator.Token,
        };
        var service = create(["--urls", "http://127.0.0.1:0"], settings);
        await service.StartAsync();
        var probe = await record(new BusProbe(infrastructure)).StartAsync();
        return new InProcessServiceParts(infrastructure, emulator, service, probe);
    }
}
