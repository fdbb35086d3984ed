using System.Diagnostics;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Fabrik.Executions.IntegrationTests.Reliability;

public sealed class PollerTakeoverTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Test]
    public async Task A_poller_killed_mid_stream_is_replaced_from_the_stored_watermark_and_loses_no_event()
    {
        await using var pipeline = await Pipeline.StartAsync(pollers: 0);
        using var gateway = pipeline.CreateGatewayClient();
        var redis = pipeline.GatewayServices.GetRequiredService<RedisKeyspace>().Database;
        using var doomed = ServiceProcess.Start("Fabrik.Executions.StreamPoller", pipeline.ServiceConfiguration);
        var executions = await PollerSharingTests.LaunchSlowJobsAsync(gateway, count: 3);
        await Eventually.TrueAsync(
            async () => (await LeaseOwnersAsync(redis, executions)).All(owner => owner.Contains($"-{doomed.Id}-", StringComparison.Ordinal)),
            $"the external poller to hold every execution; its output:{Environment.NewLine}{doomed.RecentOutput}",
            Deadline);
        await Eventually.TrueAsync(async () => (await StoredEvents.ReadAsync(pipeline.Infrastructure, executions[0])).Rows > 50, "streaming to be under way", Deadline);

        doomed.KillHard();
        var killed = Stopwatch.StartNew();
        await pipeline.StartPollerAsync();

        await Eventually.TrueAsync(
            async () => (await LeaseOwnersAsync(redis, executions)).All(owner => owner.Length > 0 && !owner.Contains($"-{doomed.Id}-", StringComparison.Ordinal)),
            "another poller to take every execution over",
            Deadline);
        await TestContext.Out.WriteLineAsync($"Takeover after SIGKILL took {killed.Elapsed.TotalSeconds:0.0} s (lease 10 s + scan)");
        await PollerSharingTests.AssertEveryExecutionCompleteAsync(pipeline, gateway, executions);
    }

    private static async Task<string[]> LeaseOwnersAsync(IDatabase redis, IReadOnlyList<Guid> executions)
    {
        var owners = await redis.StringGetAsync(executions.Select(RedisStreamKeys.Lease).ToArray());
        return owners.Select(owner => owner.HasValue ? owner.ToString() : "").ToArray();
    }
}
