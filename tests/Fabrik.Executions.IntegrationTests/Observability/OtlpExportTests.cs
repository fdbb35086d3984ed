using Fabrik.Executions.Launcher;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>OTLP export is on only where configured; there it carries all three signals, named by the service.</summary>
public sealed class OtlpExportTests
{
    [Test]
    public async Task With_an_OTLP_endpoint_configured_a_service_exports_its_traces_metrics_and_logs()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var collector = await OtlpReceiver.StartAsync();
        var configuration = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = "http://127.0.0.1:9/",
            ["Awx:Token"] = "not-used-by-this-test",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        var launcher = LauncherApplication.Create(["--urls", "http://127.0.0.1:0"], configuration);
        await launcher.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = Pipeline.AddressOf(launcher) };
            using var traced = await client.GetAsync("/a-traced-request");

            await Eventually.TrueAsync(
                () => Task.FromResult(collector.Received("traces", LauncherApplication.ServiceName, "/a-traced-request")),
                "the request's span at the collector");
            await Eventually.TrueAsync(
                () => Task.FromResult(collector.Received("metrics", LauncherApplication.ServiceName, "http.server.request.duration")),
                "the service's metrics at the collector");
            await Eventually.TrueAsync(
                () => Task.FromResult(collector.Received("logs", LauncherApplication.ServiceName)), "the service's logs at the collector");
        }
        finally
        {
            await launcher.StopAsync();
            await launcher.DisposeAsync();
        }
    }
}
