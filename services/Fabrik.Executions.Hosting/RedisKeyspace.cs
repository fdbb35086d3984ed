using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Where this deployment's Redis keys live: the frame's key names, under <c>Redis:KeyPrefix</c> when several
/// deployments (or test fixtures) share one Redis, so their leases and poller counts never mix.
/// </summary>
public sealed class RedisKeyspace(IConnectionMultiplexer connection, IConfiguration configuration)
{
    public const string PrefixKey = "Redis:KeyPrefix";

    private readonly string prefix = configuration[PrefixKey] ?? "";

    public IDatabase Database => prefix.Length == 0 ? connection.GetDatabase() : connection.GetDatabase().WithKeyPrefix(prefix);
}
