using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Fabrik.Executions.Hosting;

/// <summary>One shared Redis connection per process, with its readiness check, and what lives on it for every service.</summary>
public static class RedisExtensions
{
    public static IHostApplicationBuilder AddFabrikRedis(this IHostApplicationBuilder builder)
    {
        var configuration = ConfigurationOptions.Parse(
            builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Redis));
        // Redis restarts are expected (it holds no truth here); keep retrying instead of failing start-up.
        configuration.AbortOnConnectFail = false;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        builder.Services.AddSingleton<RedisKeyspace>();
        builder.Services.AddSingleton<ExecutionWatchers>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddRedis(
            provider => provider.GetRequiredService<IConnectionMultiplexer>(),
            name: "redis",
            tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }
}
