using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Gateway.Auth;
using Fabrik.Executions.Gateway.Consumers;
using Fabrik.Executions.Gateway.Hubs;
using Fabrik.Executions.Gateway.OpenApi;
using Fabrik.Executions.Gateway.Telemetry;
using Fabrik.Executions.Gateway.WebApp;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace Fabrik.Executions.Gateway;

public static class GatewayExtensions
{
    public const string QueuePrefix = "gateway";
    private const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        UseDefaultUrlUnlessConfigured(builder);
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddFabrikStorage();
        builder.AddFabrikRedis();
        builder.AddFabrikBus(QueuePrefix, GatewayConsumers.Register);
        builder.AddGatewayAuth();
        builder.AddGatewayOpenApi();
        builder.AddExecutionsApi();
        builder.AddExecutionsHub();
        builder.Services.AddSingleton<GatewayMetrics>();
        // Built with the meter provider, so the hub gauges exist before the first push.
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInstrumentation(provider => provider.GetRequiredService<GatewayMetrics>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGatewayAuth();
        app.MapGatewayOpenApi();
        app.MapExecutionsApi();
        app.MapOperatorActionsApi();
        app.MapCallerEndpoint();
        app.MapExecutionsHub();
        app.MapWebApp();
        return app;
    }

    private static void UseDefaultUrlUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
