using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// A token bucket per caller (per API key or user; per address for anonymous callers), so one noisy script cannot
/// starve the others. Sized by <c>Gateway:RateLimitBurst</c> and <c>Gateway:RateLimitPerSecond</c>.
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
                return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.RateLimitBurst,
                    TokensPerPeriod = settings.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }

    private static string PartitionOf(HttpContext context)
    {
        var caller = Caller.From(context.User);
        return caller.IsAuthenticated ? $"{caller.Kind}:{caller.Name}" : $"address:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
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
