using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Watchdog.Tests;

/// <summary>
/// Watchdog instances hosted in-process on a fixture's own database, virtual host and Redis, sweeping every couple of
/// hundred milliseconds against an AWX emulator, with a probe recording what they publish. Tests put executions into
/// the states the Watchdog looks for straight through the storage classes and Redis, as the services would leave them.
/// </summary>
public sealed class WatchdogUnderTest : IAsyncDisposable
{
    /// <summary>An AWX job id the emulator has never handed out: asking for it is a 404.</summary>
    public const long VanishedJobId = 9_000_001;

    private static readonly TimeSpan KeyLifetime = TimeSpan.FromMinutes(5);
    private readonly List<(WebApplication App, ServiceMeters Meters)> instances = [];

    private WatchdogUnderTest(
        IsolatedInfrastructure infrastructure, AwxEmulatorHost awx, BusProbe probe, NpgsqlDataSource database, ConnectionMultiplexer redis)
    {
        Infrastructure = infrastructure;
        Awx = awx;
        Probe = probe;
        Database = database;
        Redis = redis;
        Executions = new ExecutionRepository(database);
    }

    public IsolatedInfrastructure Infrastructure { get; }

    public AwxEmulatorHost Awx { get; }

    public BusProbe Probe { get; }

    public NpgsqlDataSource Database { get; }

    public ConnectionMultiplexer Redis { get; }

    public ExecutionRepository Executions { get; }

    /// <summary>A job the emulator ran, so AWX answers for it.</summary>
    public long ExistingJobId { get; private set; }

    /// <summary>The services of each running instance, in start order.</summary>
    public IReadOnlyList<IServiceProvider> Services => instances.Select(instance => instance.App.Services).ToList();

    /// <summary>The counters of each running instance, in start order.</summary>
    public IReadOnlyList<ServiceMeters> Meters => instances.Select(instance => instance.Meters).ToList();

    /// <param name="instances">How many Watchdogs sweep the same database side by side.</param>
    /// <param name="watchdogToken">The token the Watchdogs present to AWX; the emulator's own when null.</param>
    /// <param name="settings">Watchdog settings beyond the fixture's own (retention, say).</param>
    public static async Task<WatchdogUnderTest> StartAsync(
        int instances, string? watchdogToken = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var awx = await AwxEmulatorHost.StartAsync(new AwxEmulatorOptions(), CancellationToken.None);
        var probe = await new BusProbe(infrastructure)
            .Recording<ResumeStreaming>()
            .Recording<LaunchExecution>()
            .Recording<ExecutionFinished>()
            .Recording<ExecutionStatusChanged>()
            .StartAsync();
        var system = new WatchdogUnderTest(
            infrastructure, awx, probe, NpgsqlDataSource.Create(infrastructure.Postgres), await ConnectionMultiplexer.ConnectAsync(infrastructure.Redis));
        system.ExistingJobId = await system.LaunchAwxJobAsync();
        for (var i = 0; i < instances; i++)
        {
            // Different intervals, so the instances' sweeps sometimes collide on the lock and sometimes take turns.
            await system.StartInstanceAsync(sweepIntervalMilliseconds: 200 + (37 * i), watchdogToken ?? awx.Token, settings);
        }

        return system;
    }

    /// <summary>An execution as the Launcher creates it, then aged: created <paramref name="age"/> ago, its launch claimed <paramref name="launchAttemptedAgo"/> ago if at all.</summary>
    public async Task<ExecutionRecord> CreatePendingAsync(TimeSpan age, TimeSpan? launchAttemptedAgo = null)
    {
        var (execution, _) = await Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "request-" + Guid.NewGuid().ToString("N"),
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVarsJson = """{"emulator_events": 40, "emulator_hosts": 2, "site": {"name": "lab", "racks": [1, 2]}}""",
            LimitPattern = "leaf-101.lab",
            InventoryId = 7,
            CredentialIds = [3, 5],
            LaunchedBy = "alice",
        }, CancellationToken.None);
        await ExecuteAsync(
            """
            update executions
            set created_at = now() - make_interval(secs => @age),
                launch_attempted_at = case when @attempted::double precision is null then null else now() - make_interval(secs => @attempted) end
            where id = @id
            """,
            ("id", execution.Id), ("age", age.TotalSeconds), ("attempted", (object?)launchAttemptedAgo?.TotalSeconds ?? DBNull.Value));
        return (await Executions.FindAsync(execution.Id, CancellationToken.None))!;
    }

    /// <summary>
    /// An execution the Launcher launched as <paramref name="awxJobId"/> <paramref name="launchedAgo"/> (a minute by
    /// default) and a poller moved to running. The Redis keys a streaming poller keeps (its lease, and the keepalive it
    /// refreshes each cycle) and the events it stored are in place before the execution is launched, so no sweep ever
    /// sees it running without them.
    /// </summary>
    public async Task<Guid> CreateRunningAsync(
        long awxJobId, bool lease = false, bool keepalive = false, long[]? storedCounters = null, TimeSpan? launchedAgo = null)
    {
        var execution = await CreatePendingAsync(TimeSpan.Zero);
        await SetStreamKeysAsync(execution.Id, lease, keepalive);
        await StoreEventsAsync(execution.Id, awxJobId, storedCounters ?? []);
        Assert.That(await Executions.ClaimLaunchAsync(execution.Id, CancellationToken.None), Is.True);
        Assert.That(await Executions.RecordLaunchedAsync(execution.Id, awxJobId, $"{Awx.BaseUrl}#/jobs/playbook/{awxJobId}/output", CancellationToken.None), Is.Not.Null);
        Assert.That(await Executions.TransitionAsync(execution.Id, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, CancellationToken.None), Is.Not.Null);
        await ExecuteAsync(
            "update executions set launched_at = now() - make_interval(secs => @ago) where id = @id",
            ("id", execution.Id), ("ago", (launchedAgo ?? TimeSpan.FromMinutes(1)).TotalSeconds));
        return execution.Id;
    }

    /// <summary>An execution whose stream finished <paramref name="age"/> ago as a poller finishes it; results parsed only when asked.</summary>
    /// <param name="age">How long ago it finished.</param>
    /// <param name="resultsParsed">Whether the ResultParser stored its results.</param>
    /// <param name="workflowClone">Null for a job; for a workflow, its clone in AWX and whether the Launcher removed it.</param>
    public async Task<ExecutionRecord> CreateFinishedAsync(TimeSpan age, bool resultsParsed = false, (int Id, bool Removed)? workflowClone = null)
    {
        var executionId = await CreateRunningAsync(ExistingJobId);
        if (workflowClone is var (cloneId, removed))
        {
            var clones = new WorkflowCloneRepository(Database);
            await clones.RecordCloneAsync(executionId, cloneId, CancellationToken.None);
            if (removed)
            {
                await clones.MarkRemovedAsync(executionId, CancellationToken.None);
            }
        }

        Assert.That(await Executions.FinishAsync(executionId, ExecutionStatus.Failed, null, 42, [7, 9], false, 3, CancellationToken.None), Is.Not.Null);
        // Results first: aged before them, a sweep in between would see an old execution without results and re-send it.
        if (resultsParsed)
        {
            await new ExecutionResultsRepository(Database).StoreAsync(new ExecutionResultsUpdate
            {
                ExecutionId = executionId, Hosts = [], Source = HostResultsSource.None, PartialSuccess = false,
            }, CancellationToken.None);
        }

        await ExecuteAsync(
            "update executions set finished_at = now() - make_interval(secs => @age) where id = @id", ("id", executionId), ("age", age.TotalSeconds));

        return (await Executions.FindAsync(executionId, CancellationToken.None))!;
    }

    /// <summary>Waits until the instances together completed <paramref name="count"/> more sweeps: whatever they were going to do about the state before, they did.</summary>
    public async Task WaitForSweepsAsync(int count)
    {
        var target = CompletedSweeps() + count;
        await Eventually.TrueAsync(() => Task.FromResult(CompletedSweeps() >= target), $"{count} more completed sweeps");
    }

    public int Count<T>(Func<T, bool> match) => Probe.Received<T>().Count(match);

    public long Total(string counter) => Meters.Sum(meters => meters[counter]);

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, meters) in instances)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            meters.Dispose();
        }

        await Probe.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
        await Awx.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    private long CompletedSweeps() => Total("fabrik.watchdog.sweeps{outcome=completed}");

    private async Task StartInstanceAsync(int sweepIntervalMilliseconds, string token, IReadOnlyDictionary<string, string?>? settings)
    {
        var overrides = new Dictionary<string, string?>(Infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = Awx.BaseUrl.ToString(),
            ["Awx:Token"] = token,
            ["Watchdog:SweepIntervalMilliseconds"] = sweepIntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = WatchdogApplication.Create(["--urls", "http://127.0.0.1:0"], overrides);
        var meters = new ServiceMeters(app.Services, "fabrik.watchdog.");
        await app.StartAsync();
        instances.Add((app, meters));
    }

    private async Task SetStreamKeysAsync(Guid executionId, bool lease, bool keepalive)
    {
        var database = Redis.GetDatabase().WithKeyPrefix(Infrastructure.RedisKeyPrefix);
        if (lease)
        {
            await database.StringSetAsync(RedisStreamKeys.Lease(executionId), "a-poller-in-a-test", KeyLifetime);
        }

        if (keepalive)
        {
            await database.StringSetAsync(RedisStreamKeys.Alive(executionId), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), KeyLifetime);
        }
    }

    public async Task StoreEventsAsync(Guid executionId, long awxJobId, long[] counters)
    {
        var events = counters.Select(counter => new JobEventReceived
        {
            ExecutionId = executionId, JobId = awxJobId, Counter = counter, Event = "runner_on_ok", Uuid = Guid.NewGuid().ToString(),
            ParentUuid = "", Stdout = $"ok {counter}", StartLine = (int)counter, EndLine = (int)counter + 1, Failed = false, Changed = false,
            Created = DateTimeOffset.UtcNow, EventData = JsonSerializer.SerializeToElement(new { }),
        }).ToList();
        await new JobEventStore(Database).StoreAsync(executionId, awxJobId, events, CancellationToken.None);
    }

    private async Task<long> LaunchAwxJobAsync()
    {
        using var awx = Awx.CreateClient();
        using var response = await awx.PostAsJsonAsync(
            "api/v2/job_templates/1/launch/", new { extra_vars = new { emulator_events = 20, emulator_hosts = 2, emulator_events_per_second = 0 } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetInt64();
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
