using System.Security.Claims;
using System.Threading.RateLimiting;
using Fabrik.Executions.Gateway.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// Hub method calls, per caller, under the same limit as HTTP requests (<see cref="GatewayRateLimits"/>): once one
/// connection is open its calls pass no HTTP middleware, so a caller looping on SubscribeToOutput would otherwise read
/// the database unchecked. The buckets are the hub's own; a refused call fails with a <see cref="HubException"/> naming
/// the limit and does nothing.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    private readonly GatewayOptions settings;
    private readonly PartitionedRateLimiter<string> limiter;

    public HubRateLimitFilter(IOptions<GatewayOptions> options)
    {
        settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(
            caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => GatewayRateLimits.BucketOf(settings)));
    }

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var user = context.User ?? new ClaimsPrincipal();
        using var lease = limiter.AttemptAcquire(GatewayRateLimits.PartitionOf(user, context.GetHttpContext()?.Connection.RemoteIpAddress));
        if (!lease.IsAcquired)
        {
            throw new HubException(
                $"Too many hub calls from {Caller.From(user).Name}: the limit is {settings.RateLimitBurst} at once and "
                + $"{settings.RateLimitPerSecond} a second; try again in {GatewayRateLimits.RetryAfterSeconds(lease)} s.");
        }

        return await next(invocationContext);
    }

    public void Dispose() => limiter.Dispose();
}
