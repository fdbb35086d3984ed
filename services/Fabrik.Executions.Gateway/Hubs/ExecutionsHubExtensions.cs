using Fabrik.Executions.Gateway.Auth;
using Fabrik.Executions.Hosting;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Fabrik.Executions.Gateway.Hubs;

public static class ExecutionsHubExtensions
{
    /// <summary>
    /// The hub with the snake_case JSON protocol and the Redis backplane, so any Gateway instance can push to any
    /// browser. <c>Redis:ChannelPrefix</c> keeps environments (and parallel test fixtures) sharing a Redis apart.
    /// </summary>
    public static WebApplicationBuilder AddExecutionsHub(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Redis);
        var channelPrefix = builder.Configuration["Redis:ChannelPrefix"];

        builder.Services.AddSingleton<HubMembership>();
        builder.Services.AddHostedService<WatchRenewal>();
        // One instance for all calls: it holds the callers' buckets.
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSignalR(options =>
            {
                // Binding errors then name what was wrong; HubErrorFilter keeps unexpected errors' messages in the log.
                options.EnableDetailedErrors = true;
                options.AddFilter<HubRateLimitFilter>();
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubMembershipFilter>();
            })
            .AddJsonProtocol(options => GatewayJson.Apply(options.PayloadSerializerOptions))
            .AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.WithConnectionDefaults();
                if (!string.IsNullOrWhiteSpace(channelPrefix))
                {
                    options.Configuration.ChannelPrefix = RedisChannel.Literal(channelPrefix);
                }
            });
        return builder;
    }

    /// <summary>
    /// The hub, for viewers and operators only, its negotiation rate-limited like any request (and its method calls by
    /// <see cref="HubRateLimitFilter"/>).
    /// </summary>
    public static WebApplication MapExecutionsHub(this WebApplication app)
    {
        app.MapHub<ExecutionsHub>(ExecutionsHub.Path)
            .RequireAuthorization(GatewayPolicies.Viewer)
            .RequireRateLimiting(GatewayRateLimits.PerCaller);
        return app;
    }
}
