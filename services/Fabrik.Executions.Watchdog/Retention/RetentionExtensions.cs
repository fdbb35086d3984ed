using Fabrik.Executions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fabrik.Executions.Watchdog.Retention;

public static class RetentionExtensions
{
    /// <summary>The scheduled retention run; it does nothing until <c>Retention:Mode</c> says so.</summary>
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RetentionQueries>();
        builder.Services.AddSingleton<RetentionMetrics>();
        builder.Services.AddSingleton<RetentionRun>();
        builder.Services.AddHostedService<RetentionScheduler>();
        return builder;
    }
}
