using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Which executions have a browser watching their output on some Gateway, kept in Redis. A Gateway announces an
/// execution when a browser subscribes, before it reads the replay, and renews the announcement every
/// <see cref="Refresh"/> while any of its browsers watch it; an announcement lapses <see cref="Lifetime"/> after it was
/// made, so a Gateway that died stops counting. The poller asks after storing a page whether to send it to the
/// Gateways: a page it stored after a subscriber's replay read is announced by then, and one stored before is in the
/// replay.
/// </summary>
/// <remarks>
/// Whenever it cannot be sure it answers "watched": while Redis fails, and for two refreshes after this process's
/// Redis connection came back, since a restarted Redis has lost every announcement until the Gateways make them again
/// (each renews at once when its own connection is restored).
/// </remarks>
public sealed partial class ExecutionWatchers
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly RedisKeyspace redis;
    private readonly TimeProvider clock;
    private readonly ILogger<ExecutionWatchers> logger;
    private readonly RedisValue instance = Guid.NewGuid().ToString("N");
    private long unsureUntil;

    public ExecutionWatchers(RedisKeyspace redis, IConnectionMultiplexer connection, TimeProvider clock, ILogger<ExecutionWatchers> logger)
    {
        this.redis = redis;
        this.clock = clock;
        this.logger = logger;
        connection.ConnectionFailed += (_, _) => BeUnsure();
        connection.ConnectionRestored += (_, _) =>
        {
            BeUnsure();
            ConnectionRestored?.Invoke();
        };
    }

    /// <summary>Raised when the Redis connection is back: announcements may have been lost with the server.</summary>
    public event Action? ConnectionRestored;

    /// <summary>Announces that a browser of this process watches each of <paramref name="executionIds"/>, for <see cref="Lifetime"/>.</summary>
    public Task AnnounceAsync(IEnumerable<Guid> executionIds)
    {
        var database = redis.Database;
        var lapsesAt = clock.GetUtcNow().Add(Lifetime).ToUnixTimeMilliseconds();
        return Task.WhenAll(executionIds.Select(executionId =>
            Task.WhenAll(database.SortedSetAddAsync(Key(executionId), instance, lapsesAt), database.KeyExpireAsync(Key(executionId), Lifetime))));
    }

    /// <summary>Whether a browser on any Gateway may watch <paramref name="executionId"/>.</summary>
    public async Task<bool> AnyAsync(Guid executionId)
    {
        if (clock.GetTimestamp() < Volatile.Read(ref unsureUntil))
        {
            return true;
        }

        try
        {
            return await redis.Database.SortedSetLengthAsync(Key(executionId), min: clock.GetUtcNow().ToUnixTimeMilliseconds()) > 0;
        }
        catch (RedisException exception)
        {
            LogUnsure(logger, exception);
            return true;
        }
    }

    private void BeUnsure() => Volatile.Write(ref unsureUntil, clock.GetTimestamp() + (long)(2 * Refresh.TotalSeconds * clock.TimestampFrequency));

    private static RedisKey Key(Guid executionId) => $"gateway:watchers:{executionId:D}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Redis whether a browser watches an execution; counting it as watched")]
    private static partial void LogUnsure(ILogger logger, Exception exception);
}
