using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Gateway;
using Fabrik.Executions.Launcher;
using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.Builder;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>
/// Readiness follows the dependencies: a service is taken out of rotation when one it needs stops answering. The
/// servers are reached through relays the test owns and cuts; the shared servers keep running.
/// </summary>
public sealed class ReadinessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private IsolatedInfrastructure infrastructure = null!;
    private AwxEmulatorHost awx = null!;

    [OneTimeSetUp]
    public async Task CreateAsync()
    {
        infrastructure = await IsolatedInfrastructure.CreateAsync();
        awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DisposeAsync()
    {
        await awx.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    [Test]
    public async Task Launcher_turns_unready_when_AWX_stops_answering()
    {
        var ownAwx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        await using var launcher = await StartAsync(LauncherApplication.Create, new() { ["Awx:BaseUrl"] = ownAwx.BaseUrl.ToString(), ["Awx:Token"] = ownAwx.Token });
        var ready = await WaitForAsync(launcher, readiness => readiness.IsReady, "the Launcher to be ready");
        Assert.That(ready.Checks.Keys, Is.SupersetOf(new[] { "postgres", "masstransit-bus", "awx" }));

        await ownAwx.DisposeAsync();

        await WaitForAsync(launcher, readiness => readiness.Fails("awx") && readiness.Checks["postgres"] == "Healthy", "the Launcher to be unready for AWX alone");
    }

    [Test]
    public async Task Poller_turns_unready_when_PostgreSQL_or_Redis_stops_answering()
    {
        var postgres = new NpgsqlConnectionStringBuilder(infrastructure.Postgres);
        await using var postgresRelay = new TcpRelay(postgres.Host!, postgres.Port);
        var redis = StackExchange.Redis.ConfigurationOptions.Parse(infrastructure.Redis).EndPoints.Single();
        await using var redisRelay = new TcpRelay(HostOf(redis), PortOf(redis));
        await using var poller = await StartAsync(StreamPollerApplication.Create, new()
        {
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(infrastructure.Postgres) { Host = "127.0.0.1", Port = postgresRelay.Port }.ConnectionString,
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{redisRelay.Port}",
        });
        var ready = await WaitForAsync(poller, readiness => readiness.IsReady, "the poller to be ready");
        Assert.That(ready.Checks.Keys, Is.SupersetOf(new[] { "postgres", "redis", "masstransit-bus", "awx" }));

        await postgresRelay.CutAsync();
        await WaitForAsync(poller, readiness => readiness.Fails("postgres") && readiness.Checks["redis"] == "Healthy", "the poller to be unready for PostgreSQL");

        await redisRelay.CutAsync();
        await WaitForAsync(poller, readiness => readiness.Fails("redis"), "the poller to be unready for Redis too");
    }

    [Test]
    public async Task Gateway_turns_unready_when_RabbitMQ_stops_answering()
    {
        await using var rabbitRelay = new TcpRelay(infrastructure.RabbitMq.Host, infrastructure.RabbitMq.Port);
        await using var gateway = await StartAsync(GatewayApplication.Create, new()
        {
            ["ConnectionStrings:RabbitMq"] = new UriBuilder(infrastructure.RabbitMq) { Host = "127.0.0.1", Port = rabbitRelay.Port }.Uri.ToString(),
            ["Auth:ApiKeys:0:Name"] = "readiness-tests",
            ["Auth:ApiKeys:0:Key"] = Guid.NewGuid().ToString("N"),
            ["Auth:ApiKeys:0:Role"] = "viewer",
        });
        await WaitForAsync(gateway, readiness => readiness.IsReady, "the Gateway to be ready");

        await rabbitRelay.CutAsync();

        await WaitForAsync(gateway, readiness => readiness.Fails("masstransit-bus") && readiness.Checks["postgres"] == "Healthy", "the Gateway to be unready for RabbitMQ");
    }

    private async Task<RunningService> StartAsync(
        Func<string[], IReadOnlyDictionary<string, string?>?, WebApplication> create, Dictionary<string, string?> settings)
    {
        var configuration = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = awx.BaseUrl.ToString(),
            ["Awx:Token"] = awx.Token,
            ["Logging:LogLevel:Default"] = "Critical",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        var service = create(["--urls", "http://127.0.0.1:0"], configuration);
        await service.StartAsync();
        return new RunningService(service);
    }

    private static async Task<Readiness> WaitForAsync(RunningService service, Func<Readiness, bool> condition, string what)
    {
        Readiness? last = null;
        try
        {
            return await Eventually.GetAsync(
                async () =>
                {
                    last = await Readiness.ReadAsync(service.Url);
                    return condition(last) ? last : null;
                },
                what,
                Deadline);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} Last answer: {last}.", timeout);
        }
    }

    private static string HostOf(System.Net.EndPoint endPoint) => endPoint switch
    {
        System.Net.DnsEndPoint dns => dns.Host,
        System.Net.IPEndPoint ip => ip.Address.ToString(),
        _ => throw new ArgumentException($"Unexpected Redis endpoint {endPoint}."),
    };

    private static int PortOf(System.Net.EndPoint endPoint) => endPoint switch
    {
        System.Net.DnsEndPoint dns => dns.Port,
        System.Net.IPEndPoint ip => ip.Port,
        _ => throw new ArgumentException($"Unexpected Redis endpoint {endPoint}."),
    };

    private sealed class RunningService(WebApplication app) : IAsyncDisposable
    {
        public Uri Url { get; } = Pipeline.AddressOf(app);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
