using Fabrik.Executions.Gateway.Hubs;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// The shared record of which executions a browser watches (real Redis): announced by the Gateway a browser subscribes
/// on, renewed while it watches, lapsed once it left; the poller sends the Gateways only the pages of those.
/// </summary>
public sealed class ExecutionWatchersTests
{
    private const long JobId = 93;

    [Test]
    public async Task An_execution_counts_as_watched_everywhere_from_its_announcement_until_it_lapses()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await TestServers.GetAsync()).Redis);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = NewPrefix();
        var gateway = Watchers(redis, prefix, clock);
        var poller = Watchers(redis, prefix, clock);
        var watched = Guid.NewGuid();

        await gateway.AnnounceAsync([watched]);

        Assert.That(await poller.AnyAsync(watched), Is.True, "announced by another process");
        Assert.That(await poller.AnyAsync(Guid.NewGuid()), Is.False, "never announced");
        clock.Advance(ExecutionWatchers.Lifetime - TimeSpan.FromSeconds(1));
        Assert.That(await poller.AnyAsync(watched), Is.True, "not lapsed yet");
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await poller.AnyAsync(watched), Is.False, "lapsed, since nothing renewed it");
    }

    [Test]
    public async Task A_gateway_renews_what_its_browsers_watch_until_they_leave()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await TestServers.GetAsync()).Redis);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = NewPrefix();
        var membership = new HubMembership();
        var gateway = Watchers(redis, prefix, clock);
        var poller = Watchers(redis, prefix, clock);
        using var renewal = new WatchRenewal(gateway, membership, clock, NullLogger<WatchRenewal>.Instance);
        var watched = Guid.NewGuid();
        membership.Joined("browser-1", ExecutionGroups.Output(watched));
        await renewal.StartAsync(CancellationToken.None);
        await gateway.AnnounceAsync([watched]);

        // Twice the lifetime, one refresh at a time, each waited for: the announcement is renewed every time.
        for (var elapsed = TimeSpan.Zero; elapsed < 2 * ExecutionWatchers.Lifetime; elapsed += ExecutionWatchers.Refresh)
        {
            clock.Advance(ExecutionWatchers.Refresh);
            var renewedUntil = clock.GetUtcNow().Add(ExecutionWatchers.Lifetime).ToUnixTimeMilliseconds();
            await Eventually.TrueAsync(async () => await LapsesAtAsync(redis, prefix, watched) >= renewedUntil, "the Gateway to renew its announcement");
        }

        Assert.That(await poller.AnyAsync(watched), Is.True, "renewed while its browser watches");
        membership.Disconnected("browser-1");
        clock.Advance(ExecutionWatchers.Lifetime + ExecutionWatchers.Refresh);
        Assert.That(await poller.AnyAsync(watched), Is.False, "lapsed after its browser left");
        await renewal.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task A_browser_subscribing_announces_the_execution_it_watches()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var data = TestExecutions.For(infrastructure.Postgres);
        await using var gateway = await GatewayHost.StartAsync(infrastructure.Configuration);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.Redis);
        var poller = Watchers(redis, infrastructure.RedisKeyPrefix, TimeProvider.System);
        var watched = await data.CreateRunningAsync(JobId);
        var unwatched = await data.CreateRunningAsync(JobId);
        await using var browser = await HubRecorder.ConnectAsync(gateway);

        await browser.Connection.InvokeAsync("SubscribeToOutput", watched, 0L);

        Assert.That(await poller.AnyAsync(watched), Is.True, "announced when the subscription returned");
        Assert.That(await poller.AnyAsync(unwatched), Is.False);
    }

    private static string NewPrefix() => $"fabrik_test_{Guid.NewGuid():N}:";

    private static ExecutionWatchers Watchers(IConnectionMultiplexer redis, string prefix, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(RedisKeyspace.PrefixKey, prefix)]).Build();
        return new ExecutionWatchers(new RedisKeyspace(redis, configuration), redis, clock, NullLogger<ExecutionWatchers>.Instance);
    }

    private static async Task<double> LapsesAtAsync(IConnectionMultiplexer redis, string prefix, Guid executionId)
    {
        var announcements = await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync($"{prefix}gateway:watchers:{executionId:D}");
        return announcements.Length == 0 ? 0 : announcements.Max(announcement => announcement.Score);
    }
}
