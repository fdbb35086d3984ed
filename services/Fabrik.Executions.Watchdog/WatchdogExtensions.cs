using Fabrik.Executions.Awx;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Watchdog.Checks;
using Fabrik.Executions.Watchdog.Retention;
using Fabrik.Executions.Watchdog.Sweeping;

namespace Fabrik.Executions.Watchdog;

public static class WatchdogExtensions
{
    /// <summary>Queue names would start with this; the Watchdog only publishes.</summary>
    public const string QueuePrefix = "watchdog";

    public static WebApplicationBuilder AddWatchdog(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WatchdogOptions>()
            .Bind(builder.Configuration.GetSection(WatchdogOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddFabrikStorage();
        builder.AddFabrikRedis();
        builder.AddAwxClient();
        builder.AddFabrikBus(QueuePrefix, _ => { });

        builder.Services.AddSingleton<WatchdogQueries>();
        builder.Services.AddSingleton<WatchdogActionLog>();
        builder.Services.AddSingleton<WatchdogMetrics>();
        builder.Services.AddSingleton<StreamLivenessReader>();
        builder.Services.AddSingleton<AwxJobProbe>();
        builder.Services.AddSingleton<VanishedJobs>();
        builder.Services.AddSingleton<IWatchdogCheck, StuckPendingCheck>();
        builder.Services.AddSingleton<IWatchdogCheck, StalledStreamCheck>();
        builder.Services.AddSingleton<IWatchdogCheck, UnsettledFinishCheck>();
        builder.Services.AddSingleton<IWatchdogCheck, ActiveExecutionsCensus>();
        builder.Services.AddSingleton<SweepLock>();
        builder.Services.AddHostedService<WatchdogSweeper>();
        builder.AddRetention();
        return builder;
    }
}
