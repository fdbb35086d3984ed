using Fabrik.Executions.Hosting;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.StreamPoller.Leasing;

/// <summary>
/// The cursor and keepalive keys the Watchdog reads: the cursor mirrors the stored watermark (the database stays the
/// truth), the keepalive lapses <c>KeepaliveSeconds</c> (30 s) after the poller's last heartbeat.
/// </summary>
public sealed class StreamKeepalive(RedisKeyspace redis, IOptions<StreamPollerOptions> options)
{
    private TimeSpan KeepaliveTtl => TimeSpan.FromSeconds(options.Value.KeepaliveSeconds);

    public Task TouchAsync(Guid executionId, long watermark)
    {
        var batch = redis.Database.CreateBatch();
        var cursor = batch.StringSetAsync(RedisStreamKeys.Cursor(executionId), watermark);
        var alive = batch.StringSetAsync(RedisStreamKeys.Alive(executionId), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), KeepaliveTtl);
        batch.Execute();
        return Task.WhenAll(cursor, alive);
    }

    public Task ForgetAsync(Guid executionId) =>
        redis.Database.KeyDeleteAsync([RedisStreamKeys.Cursor(executionId), RedisStreamKeys.Alive(executionId)]);
}
