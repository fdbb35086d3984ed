using Fabrik.Executions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Fabrik.Executions.StreamPoller.Leasing;

/// <summary>
/// The pollers alive right now: each scan registers this poller with the time, and pollers silent for three scans
/// count as gone. From it each poller works out its fair share of the active executions.
/// </summary>
public sealed class PollerRegistry(RedisKeyspace redis, PollerIdentity poller, IOptions<StreamPollerOptions> options)
{
    private static readonly RedisKey Key = "awx:stream:pollers";

    /// <summary>Registers this poller and answers how many pollers are alive, itself included.</summary>
    public async Task<int> CheckInAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var forgetBefore = now - (3_000L * options.Value.ScanSeconds);
        var database = redis.Database;
        var transaction = database.CreateTransaction();
        _ = transaction.SortedSetAddAsync(Key, poller.Id, now);
        _ = transaction.SortedSetRemoveRangeByScoreAsync(Key, double.NegativeInfinity, forgetBefore);
        var count = transaction.SortedSetLengthAsync(Key);
        await transaction.ExecuteAsync();
        return (int)Math.Max(1, await count);
    }

    /// <summary>Leaves at once on a graceful stop, so the others raise their share without waiting.</summary>
    public Task LeaveAsync() => redis.Database.SortedSetRemoveAsync(Key, poller.Id);
}
