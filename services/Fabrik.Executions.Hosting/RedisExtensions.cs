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
            builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Redis)).WithConnectionDefaults();

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

    /// <summary>How every Redis connection of the services behaves, whatever its connection string says.</summary>
    public static ConfigurationOptions WithConnectionDefaults(this ConfigurationOptions configuration)
    {
        // Redis restarts are expected (it holds no truth here); keep retrying instead of failing start-up.
        configuration.AbortOnConnectFail = false;
        // Replies complete on the .NET thread pool rather than on the client's ten threads of its own: in a poller
        // limited to 0.2 core (its Kubernetes request) those threads competed for the quota and halved its polls.
        configuration.SocketManager = SocketManager.ThreadPool;
        return configuration;
    }
}
