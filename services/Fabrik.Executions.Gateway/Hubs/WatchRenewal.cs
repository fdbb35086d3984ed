using Fabrik.Executions.Hosting;
using StackExchange.Redis;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// Keeps this Gateway's watchers announced (<see cref="ExecutionWatchers"/>): every refresh, and at once when the Redis
/// connection comes back, it renews each execution a browser on this Gateway watches. One that nobody here watches any
/// more lapses by itself.
/// </summary>
public sealed partial class WatchRenewal(ExecutionWatchers watchers, HubMembership membership, TimeProvider clock, ILogger<WatchRenewal> logger)
    : IHostedService, IDisposable
{
    private ITimer? timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        watchers.ConnectionRestored += RenewSoon;
        timer = clock.CreateTimer(_ => RenewSoon(), null, ExecutionWatchers.Refresh, ExecutionWatchers.Refresh);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watchers.ConnectionRestored -= RenewSoon;
        timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => timer?.Dispose();

    private void RenewSoon() => _ = RenewAsync();

    private async Task RenewAsync()
    {
        try
        {
            // Redis gives up on a call long before the next renewal, so renewals do not pile up.
            await watchers.AnnounceAsync(membership.WatchedExecutions());
        }
        catch (RedisException exception)
        {
            LogRenewalFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this Gateway's watched executions in Redis; trying again at the next refresh")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);
}
