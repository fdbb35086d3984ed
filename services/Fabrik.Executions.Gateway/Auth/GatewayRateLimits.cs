using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// A token bucket per caller (per API key or user; per address for anonymous callers), so one noisy script cannot
/// starve the others. Sized by <c>Gateway:RateLimitBurst</c> and <c>Gateway:RateLimitPerSecond</c>. Hub method calls
/// have buckets of the same size of their own (<see cref="Hubs.HubRateLimitFilter"/>).
/// </summary>
public static class GatewayRateLimits
{
    public const string PerCaller = "per-caller";

    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            options.AddPolicy(PerCaller, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(
                    PartitionOf(context.User, context.Connection.RemoteIpAddress), _ => BucketOf(settings));
            });
        });
        return builder;
    }

    public static TokenBucketRateLimiterOptions BucketOf(GatewayOptions settings) => new()
    {
        TokenLimit = settings.RateLimitBurst,
        TokensPerPeriod = settings.RateLimitPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static string PartitionOf(ClaimsPrincipal user, IPAddress? address)
    {
        var caller = Caller.From(user);
        return caller.IsAuthenticated ? $"{caller.Kind}:{caller.Name}" : $"address:{address}";
    }

    /// <summary>How long a refused caller should wait, in whole seconds (at least one).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = RetryAfterSeconds(context.Lease);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many requests from {Caller.From(http.User).Name}: try again in {seconds} s.",
            },
        });
    }
}
