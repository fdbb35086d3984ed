using StackExchange.Redis;

namespace Fabrik.Executions.Hosting;

/// <summary>The Redis keys of one execution's stream, named as the frame names them; the pollers write them, the Watchdog reads them.</summary>
public static class RedisStreamKeys
{
    public static RedisKey Cursor(Guid executionId) => $"awx:stream:cursor:{executionId}";

    public static RedisKey Alive(Guid executionId) => $"awx:stream:alive:{executionId}";

    public static RedisKey Lease(Guid executionId) => $"awx:stream:lease:{executionId}";
}
