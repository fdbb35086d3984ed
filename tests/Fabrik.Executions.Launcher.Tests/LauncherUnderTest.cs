using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>
/// A Launcher hosted in-process on a fixture's own database and virtual host, pointed at an in-process AWX emulator,
/// with a probe on the same virtual host that sends commands and records what the Launcher publishes.
/// </summary>
public sealed class LauncherUnderTest : IAsyncDisposable
{
    public const int SyntheticTemplateId = 1;

    private LauncherUnderTest(IsolatedInfrastructure infrastructure, AwxEmulatorHost emulator, WebApplication launcher, BusProbe probe)
    {
        Infrastructure = infrastructure;
        Emulator = emulator;
        Launcher = launcher;
        Probe = probe;
        Awx = emulator.CreateClient();
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Emulator { get; }

    public WebApplication Launcher { get; }

    public BusProbe Probe { get; }

    /// <summary>The emulator's AWX API, with the right token.</summary>
    public HttpClient Awx { get; }

    public ExecutionRepository Executions => Launcher.Services.GetRequiredService<ExecutionRepository>();

    /// <param name="launcherToken">The token the Launcher presents to AWX; the emulator's own when null.</param>
    public static async Task<LauncherUnderTest> StartAsync(string? launcherToken = null)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var emulator = await AwxEmulatorHost.StartAsync(
            new AwxEmulatorOptions { Token = "launcher-tests-" + Guid.NewGuid().ToString("N") }, CancellationToken.None);
        var overrides = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Awx:Token"] = launcherToken ?? emulator.Token,
        };
        var launcher = LauncherApplication.Create(["--urls", "http://127.0.0.1:0"], overrides);
        await launcher.StartAsync();
        var probe = await new BusProbe(infrastructure)
            .Recording<ExecutionLaunched>()
            .Recording<ExecutionStatusChanged>()
            .Recording<ExecutionAccepted>()
            .StartAsync();
        return new LauncherUnderTest(infrastructure, emulator, launcher, probe);
    }

    /// <summary>A valid launch of the synthetic template; <paramref name="marker"/> goes into the extra vars so the AWX job can be found.</summary>
    public static LaunchExecution Command(string marker, string? limit = null, string extraVars = """{"emulator_events": 20, "emulator_hosts": 2}""")
    {
        var vars = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(extraVars)!;
        vars["test_marker"] = JsonSerializer.SerializeToElement(marker);
        return new LaunchExecution
        {
            ExecutionId = Guid.CreateVersion7(),
            RequestId = "request-" + marker,
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = SyntheticTemplateId, Name = "Synthetic" },
            ExtraVars = JsonSerializer.SerializeToElement(vars),
            Limit = limit,
            Credentials = [],
            LaunchedBy = "alice",
        };
    }

    public async Task<Response<ExecutionAccepted, CommandRejected>> RequestAsync(LaunchExecution command)
    {
        var client = Probe.Bus.CreateRequestClient<LaunchExecution>(RequestTimeout.After(s: 60));
        return await client.GetResponse<ExecutionAccepted, CommandRejected>(command);
    }

    /// <summary>The emulator's jobs whose extra vars carry <paramref name="marker"/>, each as AWX's job list shows it.</summary>
    public async Task<IReadOnlyList<JsonElement>> AwxJobsMarkedAsync(string marker)
    {
        using var page = JsonDocument.Parse(await Awx.GetStringAsync(new Uri("api/v2/jobs/?page_size=200", UriKind.Relative)));
        return page.RootElement.GetProperty("results").EnumerateArray()
            .Where(job => ExtraVarsOf(job).TryGetProperty("test_marker", out var value) && value.GetString() == marker)
            .Select(job => job.Clone())
            .ToList();
    }

    public static JsonElement ExtraVarsOf(JsonElement awxJob)
    {
        using var document = JsonDocument.Parse(awxJob.GetProperty("extra_vars").GetString()!);
        return document.RootElement.Clone();
    }

    public async Task<long> CountExecutionsAsync(string requestId)
    {
        await using var command = Launcher.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("select count(*) from executions where request_id = @requestId");
        command.Parameters.AddWithValue("requestId", requestId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Awx.Dispose();
        await Probe.DisposeAsync();
        await Launcher.StopAsync();
        await Launcher.DisposeAsync();
        await Emulator.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
