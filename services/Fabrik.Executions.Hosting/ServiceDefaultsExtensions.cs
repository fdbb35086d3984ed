using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fabrik.Executions.Hosting;

/// <summary>What every service has the same way: logs, traces, metrics, health endpoints.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";
    public const string MeterName = "Fabrik.Executions";
    public const string ActivitySourceName = "Fabrik.Executions";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(MeterName, "MassTransit")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfAvailable()
                .AddPrometheusExporter());

        // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) itself. Spans are
        // recorded only for it: without a collector they go nowhere, and recording one per published event cost the
        // poller an eighth of its CPU (docs/performance.md).
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.WithTracing(tracing => tracing.AddFabrikSpans().AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeScopes = true);
        }

        return builder;
    }

    /// <summary>The spans every service records for a collector: ASP.NET Core, HttpClient, MassTransit and the system's own.</summary>
    public static TracerProviderBuilder AddFabrikSpans(this TracerProviderBuilder tracing) =>
        tracing
            .AddSource(ActivitySourceName, "MassTransit")
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
            .AddHttpClientInstrumentation();

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        // MassTransit registers its bus check with the "ready" tag, so RabbitMQ counts here without a check of ours. A bus
        // that lost its broker reports Degraded, which must take the service out of rotation too.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsProbe(string? path) =>
        path is not null && (path.StartsWith("/health", StringComparison.Ordinal) || path == "/metrics");

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder metrics) =>
        metrics.AddMeter("System.Runtime");
}
