using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using Fabrik.Executions.Watchdog;
using Microsoft.AspNetCore.Builder;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>One execution through the whole pipeline, then what its traces and the services' metrics endpoints show.</summary>
public sealed partial class PipelineTelemetryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private SpanCollector collector = null!;
    private Pipeline pipeline = null!;
    private WebApplication watchdog = null!;
    private HttpClient gateway = null!;
    private OutputWatcher watcher = null!;
    private Guid executionId;

    [OneTimeSetUp]
    public async Task RunOneExecutionAsync()
    {
        collector = new SpanCollector();
        // Only ExecutionLaunched starts the stream then: one found by the pollers' scan (or taken over) starts its own trace.
        pipeline = await Pipeline.StartAsync(settings: new Dictionary<string, string?> { ["Poller:ScanSeconds"] = "300" });
        var watchdogSettings = new Dictionary<string, string?>(pipeline.ServiceConfiguration) { ["Watchdog:SweepIntervalMilliseconds"] = "500" };
        watchdog = WatchdogApplication.Create(["--urls", "http://127.0.0.1:0"], watchdogSettings);
        await watchdog.StartAsync();
        gateway = pipeline.CreateGatewayClient();
        watcher = await OutputWatcher.ConnectAsync(pipeline);
        await watcher.SubscribeToMonitorAsync();

        // Slow enough (4 s) that the stream runs several cycles and sends a heartbeat before it finishes.
        executionId = await gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = 40, ["emulator_hosts"] = 2, ["emulator_events_per_second"] = 10 });
        await watcher.SubscribeToOutputAsync(executionId, afterCounter: 0);
        await gateway.WaitForResultsAsync(executionId, Deadline);
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Counters.Count == 40), "the subscriber to receive every event", Deadline);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        gateway.Dispose();
        await watcher.DisposeAsync();
        await watchdog.StopAsync();
        await watchdog.DisposeAsync();
        await pipeline.DisposeAsync();
        collector.Dispose();
    }

    [Test]
    public async Task One_trace_follows_the_execution_from_the_launch_request_to_the_browser_push()
    {
        var launchRequest = collector.Spans.Single(span => span.Kind == ActivityKind.Server && Tag(span, "url.path") == "/api/v1/executions");
        var trace = new SpanTree(collector.Spans.Where(span => span.TraceId == launchRequest.TraceId));

        var cycle = trace.First(span => span.DisplayName == "poll cycle" && ExecutionOf(span) == executionId, "a poll cycle of the execution");
        var launcherConsume = trace.Single(span => Tag(span, "messaging.masstransit.consumer_type")?.EndsWith("LaunchExecutionConsumer", StringComparison.Ordinal) == true, "the Launcher consuming LaunchExecution");
        var awxLaunch = trace.Single(span => span.Kind == ActivityKind.Client && Tag(span, "url.full")?.EndsWith("/api/v2/job_templates/1/launch/", StringComparison.Ordinal) == true, "the AWX launch call");
        var pollerConsume = trace.Single(span => Tag(span, "messaging.masstransit.consumer_type")?.EndsWith("ExecutionLaunchedConsumer", StringComparison.Ordinal) == true, "the poller consuming ExecutionLaunched");
        var push = trace.First(
            span => span.Source.Name == ServiceDefaultsExtensions.ActivitySourceName && span.DisplayName.StartsWith("hub push ", StringComparison.Ordinal)
                    && trace.HasAncestor(span, ancestor => ancestor.DisplayName == "poll cycle"),
            "the Gateway pushing what a poll cycle published");
        var eventsPush = trace.First(span => span.DisplayName == "hub push JobEventReceived", "the Gateway pushing the execution's events");

        Assert.Multiple(() =>
        {
            Assert.That(trace.IsAncestor(launchRequest, launcherConsume), "launch request → Launcher consume");
            Assert.That(trace.IsAncestor(launcherConsume, awxLaunch), "Launcher consume → AWX launch call");
            Assert.That(trace.IsAncestor(launcherConsume, pollerConsume), "Launcher consume → poller consume of ExecutionLaunched");
            Assert.That(trace.IsAncestor(pollerConsume, cycle), "poller consume → poll cycle");
            Assert.That(trace.IsAncestor(launchRequest, push), "the push belongs to the launch request's trace");
            Assert.That(trace.IsAncestor(launchRequest, eventsPush), "the events' push belongs to the launch request's trace");
            Assert.That(ExecutionOf(push), Is.EqualTo(executionId));
            Assert.That(ExecutionOf(eventsPush), Is.EqualTo(executionId));
        });
    }

    [Test]
    public async Task Every_service_exposes_its_metrics_with_units_and_dimensions()
    {
        var poller = await MetricsScrape.ReadAsync(Pipeline.AddressOf(pipeline.Pollers[0]));
        var launcher = await MetricsScrape.ReadAsync(Pipeline.AddressOf(pipeline.Launcher));
        var gatewayMetrics = await MetricsScrape.ReadAsync(pipeline.GatewayUrl);
        var watchdogMetrics = await Eventually.GetAsync(
            async () => await MetricsScrape.ReadAsync(Pipeline.AddressOf(watchdog)) is var scrape && scrape.ValueOf("fabrik_executions_active", "status=\"running\"") is not null ? scrape : null,
            "the Watchdog's census of active executions", Deadline);

        Assert.Multiple(() =>
        {
            Assert.That(poller.ValueOf("fabrik_poller_events_ingested_total"), Is.EqualTo(40), poller.Text);
            Assert.That(poller.UnitOf("fabrik_poller_ingest_lag_seconds"), Is.EqualTo("seconds"));
            Assert.That(poller.ValueOf("fabrik_poller_ingest_lag_seconds_count"), Is.EqualTo(40));
            Assert.That(poller.UnitOf("fabrik_poller_cycle_duration_seconds"), Is.EqualTo("seconds"));
            Assert.That(poller.ValueOf("fabrik_poller_cycle_duration_seconds_count", "outcome=\"ok\""), Is.GreaterThan(0));
            Assert.That(poller.ValueOf("fabrik_poller_heartbeats_total"), Is.GreaterThan(0));
            Assert.That(poller.ValueOf("fabrik_poller_pages_total", "watched=\"true\""), Is.GreaterThan(0));
            Assert.That(poller.ValueOf("fabrik_poller_leases_held", "poller=\""), Is.EqualTo(0), "the finished execution's lease was released");
            Assert.That(poller.ValueOf("fabrik_awx_requests_total", "operation=\"GET /api/v2/jobs/{id}/job_events/\"", "status=\"200\""), Is.GreaterThan(0));
            Assert.That(poller.UnitOf("fabrik_awx_request_duration_seconds"), Is.EqualTo("seconds"));

            Assert.That(launcher.ValueOf("fabrik_awx_requests_total", "operation=\"POST /api/v2/job_templates/{id}/launch/\"", "status=\"201\""), Is.EqualTo(1), launcher.Text);

            // Pages stored before the subscription went to the replay, not to the Gateways.
            Assert.That(gatewayMetrics.ValueOf("fabrik_gateway_pushes_total", "message=\"JobEventReceived\""), Is.GreaterThan(0), gatewayMetrics.Text);
            Assert.That(gatewayMetrics.ValueOf("fabrik_gateway_pushes_total", "message=\"ExecutionStatusChanged\""), Is.GreaterThanOrEqualTo(3));
            Assert.That(gatewayMetrics.UnitOf("fabrik_gateway_push_lag_seconds"), Is.EqualTo("seconds"));
            Assert.That(gatewayMetrics.ValueOf("fabrik_gateway_hub_groups", "kind=\"output\""), Is.EqualTo(1));
            Assert.That(gatewayMetrics.ValueOf("fabrik_gateway_hub_subscriptions", "kind=\"monitor\""), Is.EqualTo(1));
            Assert.That(gatewayMetrics.ValueOf("signalr_server_active_connections"), Is.EqualTo(1));

            Assert.That(watchdogMetrics.ValueOf("fabrik_executions_active", "status=\"pending\""), Is.Zero, watchdogMetrics.Text);
            Assert.That(watchdogMetrics.UnitOf("fabrik_executions_oldest_age_seconds"), Is.EqualTo("seconds"));
        });
    }

    [Test]
    public void Dashboard_alerts_and_autoscaler_query_only_metrics_the_services_define()
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == ServiceDefaultsExtensions.MeterName)
                {
                    lock (defined)
                    {
                        defined.Add(instrument.Name.Replace('.', '_'));
                    }
                }
            };
            listener.Start();
        }

        var queries = string.Concat(
            new[] { "deploy/grafana/fabrik-executions.json", "deploy/k8s/monitoring/alerts.yaml", "deploy/k8s/base/streampoller-scaledobject.yaml" }
                .Select(file => File.ReadAllText(Path.Combine(RepositoryRoot.Path, file))));
        var queried = PrometheusName().Matches(queries).Select(match => match.Value).Distinct().ToList();

        Assert.That(queried, Has.Count.GreaterThan(15), "the dashboard and alerts query the system's metrics");
        Assert.That(queried.Where(name => !defined.Contains(InstrumentName(name))), Is.Empty, $"defined: {string.Join(", ", defined)}");
    }

    /// <summary>The instrument behind a Prometheus series name: without the histogram, counter and unit suffixes.</summary>
    private static string InstrumentName(string series) =>
        PrometheusSuffix().Replace(series, "");

    [GeneratedRegex(@"\bfabrik_[a-z_]+")]
    private static partial Regex PrometheusName();

    [GeneratedRegex("(_seconds)?(_total)?(_bucket|_count|_sum)?$")]
    private static partial Regex PrometheusSuffix();

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private static Guid? ExecutionOf(Activity span) =>
        span.GetTagItem(FabrikTelemetry.ExecutionIdAttribute) is string id ? Guid.Parse(id) : null;
}
