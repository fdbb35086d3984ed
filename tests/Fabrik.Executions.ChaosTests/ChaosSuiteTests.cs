using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Npgsql;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.ChaosTests;

public sealed class ChaosSuiteTests
{
    private const int Jobs = 5;
    private const int EventsPerJob = 10_000;
    private const int Hosts = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(8);

    [Test]
    public async Task Nothing_is_lost_or_doubled_while_pollers_die_and_servers_restart()
    {
        await using var stack = await ChaosStack.StartAsync(pollers: 3, gateways: 2, watchdogs: 2);
        var executions = new List<Guid>();
        for (var i = 0; i < Jobs; i++)
        {
            executions.Add(await stack.LaunchSyntheticAsync(EventsPerJob, Hosts, eventsPerSecond: 80));
        }

        stack.Awx.Faults = new FaultSettings
        {
            ServerErrorRate = 0.05, LatencySpikeProbability = 0.02, LatencySpikeMs = 1_500,
            OutOfOrderWindowMs = 300, LateVisibilityProbability = 0.01, LateVisibilityDelayMs = 2_000,
        };
        var watchers = executions.Select((id, i) => new FailoverWatcher(stack.GatewayUrls, stack.ApiKey, id, i % 2)).ToList();
        await Task.WhenAll(watchers.Select(watcher => watcher.StartAsync()));

        var figures = new ChaosFigures();
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Infrastructure.Redis);
        var leases = redis.GetDatabase().WithKeyPrefix(stack.Infrastructure.RedisKeyPrefix);
        var chaos = RunChaosAsync(stack, leases, executions, figures);
        await WaitForEveryExecutionAsync(stack, watchers, executions);
        await chaos;
        stack.Awx.Faults = new FaultSettings();
        using var survivingGateway = stack.CreateGatewayClient();

        foreach (var (executionId, index) in executions.Select((id, i) => (id, i)))
        {
            Assert.That(await StoredEvents.ReadAsync(stack.Infrastructure, executionId), Is.EqualTo(new StoredEvents(EventsPerJob, EventsPerJob, 1, EventsPerJob)),
                $"rows, distinct, min, max of execution {index}");
            var execution = await GetExecutionAsync(survivingGateway, executionId);
            Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
            Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
            var expected = stack.Awx.GetExpectedHostOutcomes(execution.GetProperty("awx_job_id").GetInt32());
            Assert.That(execution.GetProperty("row_results").EnumerateArray().Select(row => (row.GetProperty("host").GetString(), row.GetProperty("status").GetString())),
                Is.EquivalentTo(expected.Select(host => ((string?)host.Host, (string?)host.Status))));
            var watcher = watchers[index];
            await Eventually.TrueAsync(
                async () =>
                {
                    await watcher.ResumeIfQuietAsync(EventsPerJob);
                    return watcher.Count == EventsPerJob;
                },
                $"subscriber {index} to hold every event",
                Deadline);
            Assert.That(watchers[index].Counters, Is.EqualTo(Enumerable.Range(1, EventsPerJob).Select(i => (long)i)));
        }

        figures.Subscribers(watchers);
        await TestContext.Out.WriteLineAsync(figures.Report(Jobs * EventsPerJob));
        Assert.That(figures.Takeovers.Count(takeover => takeover.Held > 0), Is.GreaterThanOrEqualTo(3),
            "pollers were killed while they held executions, not after the jobs ended");
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    /// <summary>The schedule of failures, run while the jobs stream.</summary>
    private static async Task RunChaosAsync(ChaosStack stack, IDatabase leases, IReadOnlyList<Guid> executions, ChaosFigures figures)
    {
        var takeovers = new List<Task<(int Held, TimeSpan Elapsed)>>();
        for (var round = 0; round < 4; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            var owners = await LeaseOwnersAsync(leases, executions);
            var (poller, processId) = stack.Pollers.MaxBy(p => owners.Count(owner => owner.Contains($"-{p.Value}-", StringComparison.Ordinal)));
            var held = owners.Count(owner => owner.Contains($"-{processId}-", StringComparison.Ordinal));
            stack.Kill(poller);
            figures.PollerKills++;
            takeovers.Add(MeasureTakeoverAsync(leases, executions, processId, held));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stack.StartPollerAsync(int.Parse(poller["poller-".Length..], System.Globalization.CultureInfo.InvariantCulture));

            if (round == 1)
            {
                await LocalServers.RestartAsync("rabbitmq");
                figures.RabbitMqRestarts++;
            }

            if (round == 2)
            {
                await LocalServers.RestartAsync("redis");
                figures.RedisRestarts++;
            }
        }

        stack.Kill("gateway-1");
        figures.GatewayKills++;
        figures.Takeovers.AddRange(await Task.WhenAll(takeovers));
    }

    /// <summary>How long until no execution still leased by the killed poller is left without a new holder.</summary>
    private static async Task<(int Held, TimeSpan Elapsed)> MeasureTakeoverAsync(IDatabase leases, IReadOnlyList<Guid> executions, int killedProcess, int held)
    {
        var clock = Stopwatch.StartNew();
        var marker = $"-{killedProcess}-";
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && await AnyLeasedByAsync(leases, executions, marker))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return (held, clock.Elapsed);
    }

    /// <summary>Whether the killed poller still holds a lease; while the suite restarts Redis, that is not known yet, so it counts as still held.</summary>
    private static async Task<bool> AnyLeasedByAsync(IDatabase leases, IReadOnlyList<Guid> executions, string marker)
    {
        try
        {
            return (await LeaseOwnersAsync(leases, executions)).Any(owner => owner.Contains(marker, StringComparison.Ordinal));
        }
        catch (RedisException)
        {
            return true;
        }
    }

    private static async Task<string[]> LeaseOwnersAsync(IDatabase leases, IReadOnlyList<Guid> executions) =>
        (await leases.StringGetAsync(executions.Select(RedisStreamKeys.Lease).ToArray()))
        .Select(owner => owner.HasValue ? owner.ToString() : "")
        .ToArray();

    private static async Task WaitForEveryExecutionAsync(ChaosStack stack, IReadOnlyList<FailoverWatcher> watchers, IReadOnlyList<Guid> executions)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var watcher in watchers)
                {
                    await watcher.ResumeIfQuietAsync(EventsPerJob);
                }

                await using var connection = new NpgsqlConnection(stack.Infrastructure.Postgres);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "select count(*) from executions where id = any(@ids) and results_source is not null", connection);
                command.Parameters.AddWithValue("ids", executions.ToArray());
                return (long)(await command.ExecuteScalarAsync())! == executions.Count;
            },
            "every execution to finish with parsed results",
            Deadline);
    }

    private static async Task<JsonElement> GetExecutionAsync(HttpClient gateway, Guid executionId)
    {
        var body = await gateway.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}");
        return body.GetProperty("data");
    }
}
