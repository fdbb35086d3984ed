using Fabrik.Executions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fabrik.Executions.StreamPoller.Leasing;

/// <summary>
/// Redis leases that let exactly one of N pollers follow an execution. A lease expires unless renewed, so a killed
/// poller's executions are taken over once it lapses; renewing and releasing only touch a lease this poller holds.
/// </summary>
public sealed class StreamLeases(RedisKeyspace redis, PollerIdentity poller, IOptions<StreamPollerOptions> options)
{
    private const string RenewScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private TimeSpan Duration => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public Task<bool> TryAcquireAsync(Guid executionId) =>
        redis.Database.StringSetAsync(RedisStreamKeys.Lease(executionId), poller.Id, Duration, When.NotExists);

    /// <summary>False when the lease is no longer this poller's: another one has taken the execution over.</summary>
    public async Task<bool> RenewAsync(Guid executionId)
    {
        var renewed = await redis.Database.ScriptEvaluateAsync(
            RenewScript, [RedisStreamKeys.Lease(executionId)], [poller.Id, (long)Duration.TotalMilliseconds]);
        return (long)renewed == 1;
    }

    public Task ReleaseAsync(Guid executionId) =>
        redis.Database.ScriptEvaluateAsync(ReleaseScript, [RedisStreamKeys.Lease(executionId)], [poller.Id]);
}
