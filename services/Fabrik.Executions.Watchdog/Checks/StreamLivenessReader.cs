using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>Reads the lease and keepalive keys the pollers keep per execution.</summary>
public sealed class StreamLivenessReader(RedisKeyspace redis)
{
    public async Task<StreamLiveness> ReadAsync(Guid executionId)
    {
        var database = redis.Database;
        var leased = database.KeyExistsAsync(RedisStreamKeys.Lease(executionId));
        var alive = database.KeyExistsAsync(RedisStreamKeys.Alive(executionId));
        await Task.WhenAll(leased, alive);
        return new StreamLiveness(await leased, await alive);
    }
}
