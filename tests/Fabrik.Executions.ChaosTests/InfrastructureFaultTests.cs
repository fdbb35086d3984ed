using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Npgsql;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.ChaosTests;

/// <summary>
/// Each infrastructure fault on its own, mid-stream, on one shared stack: a short job streams, the fault strikes once
/// streaming is under way, and the job must still be copied exactly once, published completely and pushed without gap.
/// </summary>
public sealed class InfrastructureFaultTests
{
    private const int Events = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private ChaosStack stack = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => stack = await ChaosStack.StartAsync(pollers: 2, gateways: 2, watchdogs: 0);

    [OneTimeTearDown]
    public async Task StopAsync() => await stack.DisposeAsync();

    [Test]
    public async Task RabbitMQ_restarted_mid_stream_leaves_nothing_stored_unpublished()
    {
        await using var subscriber = await new BusProbe(stack.Infrastructure).Recording<JobEventReceived>().StartAsync();
        var executionId = await LaunchAsync();
        await using var watcher = await WatchAsync(executionId, gatewayIndex: 0);
        await WaitForStreamingAsync(executionId);

        await LocalServers.RestartAsync("rabbitmq");

        var launchedAfterwards = await LaunchAsync();
        await AssertCopiedExactlyOnceAsync(executionId);
        await AssertCopiedExactlyOnceAsync(launchedAfterwards);
        await AssertPushedWithoutGapAsync(watcher);
        await Eventually.TrueAsync(
            () => Task.FromResult(subscriber.Received<JobEventReceived>().Where(e => e.ExecutionId == executionId).Select(e => e.Counter).Distinct().Count() == Events),
            "a bus subscriber to have received every stored event",
            Deadline);
    }

    [Test]
    public async Task Redis_keys_deleted_mid_stream_are_rebuilt_from_the_database()
    {
        var executionId = await LaunchAsync();
        await WaitForStreamingAsync(executionId);
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Infrastructure.Redis);

        var deleted = await DeletePrefixedKeysAsync(redis);

        Assert.That(deleted, Is.GreaterThan(0), "the stream's lease, cursor and keepalive were there to delete");
        var keys = redis.GetDatabase().WithKeyPrefix(stack.Infrastructure.RedisKeyPrefix);
        await Eventually.TrueAsync(
            async () => await keys.KeyExistsAsync(RedisStreamKeys.Lease(executionId)) && await keys.KeyExistsAsync(RedisStreamKeys.Cursor(executionId)),
            "a poller to lease the execution again and write its cursor",
            Deadline);
        await AssertCopiedExactlyOnceAsync(executionId);
    }

    [Test]
    public async Task Redis_restarted_mid_stream_loses_and_doubles_nothing()
    {
        var executionId = await LaunchAsync();
        await WaitForStreamingAsync(executionId);

        await LocalServers.RestartAsync("redis");

        await AssertCopiedExactlyOnceAsync(executionId);
    }

    [Test]
    public async Task PostgreSQL_restarted_mid_stream_pauses_the_pollers_and_loses_nothing()
    {
        var executionId = await LaunchAsync();
        await using var watcher = await WatchAsync(executionId, gatewayIndex: 0);
        await WaitForStreamingAsync(executionId);

        await LocalServers.RestartAsync("postgres");
        // This test's own pooled connections died with the server; the services must cope on their own.
        NpgsqlConnection.ClearAllPools();

        await AssertCopiedExactlyOnceAsync(executionId);
        await AssertPushedWithoutGapAsync(watcher);
    }

    [Test]
    public async Task A_killed_Gateways_subscribers_resume_on_another_from_their_last_counter()
    {
        // Slower than the others, so that the first subscription of a fresh stack is made well before the job ends.
        var executionId = await LaunchAsync(eventsPerSecond: 20);
        await using var watcher = await WatchAsync(executionId, gatewayIndex: 0);
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Count >= 30), "events to reach the subscriber on the first Gateway", Deadline);

        // The other tests need one Gateway only, so this one is not started again.
        stack.Kill("gateway-1");

        Assert.That(watcher.Count, Is.LessThan(Events), "the Gateway died mid-stream");
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Resumes >= 2), "the subscriber to connect to the other Gateway", Deadline);
        await AssertPushedWithoutGapAsync(watcher);
        await AssertCopiedExactlyOnceAsync(executionId);
    }

    [Test]
    public async Task Poison_messages_land_in_error_queues_with_the_reason_and_the_rest_keeps_flowing()
    {
        using var queues = await RabbitMqQueues.OfAsync(stack.Infrastructure);
        var consumerQueues = await queues.ConsumerQueuesAsync();
        Assert.That(consumerQueues.Keys, Has.Some.StartsWith("stream-poller").And.Some.StartsWith("launcher").And.Some.StartsWith("result-parser"));

        foreach (var (queue, messageTypes) in consumerQueues)
        {
            await queues.PublishToQueueAsync(queue, "{ this is not json", "application/vnd.masstransit+json");
            foreach (var messageType in messageTypes)
            {
                // The right envelope and type, but a message without any of the contract's required fields.
                await queues.PublishToQueueAsync(queue, JsonSerializer.Serialize(new
                {
                    messageId = Guid.NewGuid(), messageType = new[] { "urn:message:" + messageType }, message = new { counter = -1 },
                }), "application/vnd.masstransit+json");
            }
        }

        var executionId = await LaunchAsync();
        await AssertCopiedExactlyOnceAsync(executionId);
        foreach (var (queue, messageTypes) in consumerQueues)
        {
            var expected = 1 + messageTypes.Count;
            var errors = await Eventually.GetAsync(
                async () => await queues.PeekAsync(queue + "_error", expected) is { } found && found.Count == expected ? found : null,
                $"{expected} poison messages in {queue}_error",
                Deadline);
            foreach (var error in errors)
            {
                var headers = error.GetProperty("properties").GetProperty("headers");
                Assert.That(headers.TryGetProperty("MT-Fault-Message", out var reason) ? reason.GetString() : null, Is.Not.Null.And.Not.Empty,
                    $"{queue}_error says why: {headers}");
            }
        }
    }

    private Task<Guid> LaunchAsync(int eventsPerSecond = 50) => stack.LaunchSyntheticAsync(Events, hosts: 3, eventsPerSecond);

    private async Task<FailoverWatcher> WatchAsync(Guid executionId, int gatewayIndex)
    {
        var watcher = new FailoverWatcher(stack.GatewayUrls, stack.ApiKey, executionId, gatewayIndex);
        await watcher.StartAsync();
        return watcher;
    }

    private Task WaitForStreamingAsync(Guid executionId) =>
        Eventually.TrueAsync(async () => (await StoredEvents.ReadAsync(stack.Infrastructure, executionId)).Rows >= 50, "streaming to be under way", Deadline);

    private static async Task AssertPushedWithoutGapAsync(FailoverWatcher watcher)
    {
        await Eventually.TrueAsync(
            async () =>
            {
                await watcher.ResumeIfQuietAsync(Events);
                return watcher.Count == Events;
            },
            "the subscriber to hold every event",
            Deadline);
        Assert.That(watcher.Counters, Is.EqualTo(Enumerable.Range(1, Events).Select(i => (long)i)));
    }

    /// <summary>Finished with parsed results, every counter stored once and everything stored published.</summary>
    private async Task AssertCopiedExactlyOnceAsync(Guid executionId)
    {
        await Eventually.TrueAsync(
            async () => await ScalarAsync<long>("select count(*) from executions where id = @id and results_source is not null", executionId) == 1,
            $"execution {executionId} to finish with parsed results",
            Deadline);
        Assert.That(await StoredEvents.ReadAsync(stack.Infrastructure, executionId), Is.EqualTo(new StoredEvents(Events, Events, 1, Events)));
        Assert.That(await ScalarAsync<string>("select status || '/' || complete::text from executions where id = @id", executionId), Is.EqualTo("successful/true"));
        Assert.That(await ScalarAsync<long>("select published_watermark from job_streams where execution_id = @id", executionId), Is.EqualTo(Events),
            "everything stored was published");
    }

    private async Task<T> ScalarAsync<T>(string sql, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(stack.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", executionId);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<int> DeletePrefixedKeysAsync(ConnectionMultiplexer redis)
    {
        var server = redis.GetServers().Single();
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: stack.Infrastructure.RedisKeyPrefix + "*"))
        {
            keys.Add(key);
        }

        return (int)await redis.GetDatabase().KeyDeleteAsync([.. keys]);
    }
}
