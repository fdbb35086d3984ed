using Fabrik.Executions.Hosting;
using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.StreamPoller.Leasing;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fabrik.Executions.IntegrationTests.Polling;

public sealed class StreamLeasesTests
{
    private ConnectionMultiplexer redis = null!;
    private RedisKeyspace keyspace = null!;

    [SetUp]
    public async Task ConnectAsync()
    {
        redis = await ConnectionMultiplexer.ConnectAsync((await TestServers.GetAsync()).Redis);
        var prefix = new Dictionary<string, string?> { [RedisKeyspace.PrefixKey] = $"lease_test_{Guid.NewGuid():N}:" };
        keyspace = new RedisKeyspace(redis, new ConfigurationBuilder().AddInMemoryCollection(prefix).Build());
    }

    [TearDown]
    public Task DisconnectAsync() => redis.DisposeAsync().AsTask();

    [Test]
    public async Task A_late_renewal_takes_a_lapsed_lease_back_when_no_other_poller_took_it()
    {
        var mine = Leases("poller-a");
        var executionId = Guid.NewGuid();
        Assert.That(await mine.TryAcquireAsync(executionId), Is.True);

        await keyspace.Database.KeyDeleteAsync(RedisStreamKeys.Lease(executionId));

        Assert.That(await mine.RenewAsync(executionId), Is.True);
        Assert.That(await HolderAsync(executionId), Is.EqualTo("poller-a"));
        Assert.That(await keyspace.Database.KeyTimeToLiveAsync(RedisStreamKeys.Lease(executionId)), Is.Not.Null, "the retaken lease lapses again unless renewed");
    }

    [Test]
    public async Task A_renewal_gives_up_a_lease_another_poller_took_after_it_lapsed()
    {
        var mine = Leases("poller-a");
        var theirs = Leases("poller-b");
        var executionId = Guid.NewGuid();
        await mine.TryAcquireAsync(executionId);

        await keyspace.Database.KeyDeleteAsync(RedisStreamKeys.Lease(executionId));
        Assert.That(await theirs.TryAcquireAsync(executionId), Is.True);

        Assert.That(await mine.RenewAsync(executionId), Is.False);
        Assert.That(await HolderAsync(executionId), Is.EqualTo("poller-b"));
    }

    [Test]
    public async Task Held_executions_are_found_whoever_holds_them()
    {
        var mine = Leases("poller-a");
        var theirs = Leases("poller-b");
        Guid[] executions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await mine.TryAcquireAsync(executions[0]);
        await theirs.TryAcquireAsync(executions[2]);

        var held = await mine.FindHeldAsync(executions);

        Assert.That(held, Is.EquivalentTo(new[] { executions[0], executions[2] }));
    }

    [Test]
    public async Task Taking_many_leases_takes_only_those_nobody_holds()
    {
        var mine = Leases("poller-a");
        var theirs = Leases("poller-b");
        Guid[] executions = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        await theirs.TryAcquireAsync(executions[1]);

        var taken = await mine.TryAcquireAllAsync(executions);

        Assert.That(taken, Is.EqualTo(new[] { executions[0], executions[2] }));
        Assert.That(await HolderAsync(executions[1]), Is.EqualTo("poller-b"));
        Assert.That(await HolderAsync(executions[2]), Is.EqualTo("poller-a"));
    }

    private StreamLeases Leases(string pollerId) =>
        new(keyspace, new PollerIdentity(pollerId), Options.Create(new StreamPollerOptions()));

    private async Task<string?> HolderAsync(Guid executionId) => await keyspace.Database.StringGetAsync(RedisStreamKeys.Lease(executionId));
}
