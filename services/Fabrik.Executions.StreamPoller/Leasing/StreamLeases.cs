using Fabrik.Executions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fabrik.Executions.StreamPoller.Leasing;

/// <summary>
/// Redis leases that let exactly one of N pollers follow an execution. A lease expires unless renewed, so a killed
/// poller's executions are taken over once it lapses; renewing and releasing only touch a lease this poller holds.
/// A renewal that comes late, after the lease lapsed (a saturated machine), takes it again unless another poller has:
/// giving up an execution nobody else follows would only leave it unheld until the next scan.
/// </summary>
public sealed class StreamLeases(RedisKeyspace redis, PollerIdentity poller, IOptions<StreamPollerOptions> options)
{
    private const string RenewScript =
        """
        local holder = redis.call('get', KEYS[1])
        if holder == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        if holder then return 0 end
        redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private TimeSpan Duration => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public Task<bool> TryAcquireAsync(Guid executionId) =>
        redis.Database.StringSetAsync(RedisStreamKeys.Lease(executionId), poller.Id, Duration, When.NotExists);

    /// <summary>
    /// Takes the leases of <paramref name="executionIds"/> that nobody holds, pipelined: a saturated poller waits for the
    /// thread pool after every await, so one await per execution made taking many up slow. Returns the ones it took.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> TryAcquireAllAsync(IReadOnlyList<Guid> executionIds)
    {
        var acquired = await Task.WhenAll(executionIds.Select(TryAcquireAsync));
        return executionIds.Where((_, i) => acquired[i]).ToList();
    }

    /// <summary>Which of <paramref name="executionIds"/> some poller holds, read in one round trip.</summary>
    public async Task<IReadOnlySet<Guid>> FindHeldAsync(IReadOnlyList<Guid> executionIds)
    {
        var holders = await redis.Database.StringGetAsync(executionIds.Select(RedisStreamKeys.Lease).ToArray());
        return executionIds.Where((_, i) => holders[i].HasValue).ToHashSet();
    }

    /// <summary>False when the lease is another poller's: it has taken the execution over.</summary>
    public async Task<bool> RenewAsync(Guid executionId)
    {
        var renewed = await redis.Database.ScriptEvaluateAsync(
            RenewScript, [RedisStreamKeys.Lease(executionId)], [poller.Id, (long)Duration.TotalMilliseconds]);
        return (long)renewed == 1;
    }

    public Task ReleaseAsync(Guid executionId) =>
        redis.Database.ScriptEvaluateAsync(ReleaseScript, [RedisStreamKeys.Lease(executionId)], [poller.Id]);
}
