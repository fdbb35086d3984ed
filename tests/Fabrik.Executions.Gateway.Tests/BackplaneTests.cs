using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Two Gateways on the same virtual host and Redis: competing consumers, fanned out by the backplane.</summary>
public sealed class BackplaneTests
{
    private const long JobId = 91;

    private static readonly string[] GatewayQueues =
    [
        "gateway-watched-job-events-received", "gateway-execution-status-changed", "gateway-execution-progressed",
        "gateway-stream-heartbeat", "gateway-workflow-node-changed", "gateway-execution-finished",
        "gateway-execution-results-parsed",
    ];

    [Test]
    public async Task Every_gateway_consumes_from_the_same_queues()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var gatewayA = await GatewayHost.StartAsync(infrastructure.Configuration);
        await using var gatewayB = await GatewayHost.StartAsync(infrastructure.Configuration);

        IReadOnlyDictionary<string, int> queues = new Dictionary<string, int>();
        await Eventually.TrueAsync(
            async () =>
            {
                queues = await RabbitMqQueues.ConsumersAsync(infrastructure.Name);
                return GatewayQueues.All(queue => queues.GetValueOrDefault(queue) == 2);
            },
            "two consumers, one per Gateway, on each Gateway queue");

        Assert.That(queues.Keys.Where(queue => queue.StartsWith("gateway", StringComparison.Ordinal)), Is.EquivalentTo(GatewayQueues));
    }

    [Test]
    public async Task Events_consumed_by_either_gateway_reach_every_browser_exactly_once()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        await using var data = TestExecutions.For(infrastructure.Postgres);
        await using var gatewayA = await GatewayHost.StartAsync(infrastructure.Configuration);
        await using var gatewayB = await GatewayHost.StartAsync(infrastructure.Configuration);
        await using var bus = await TestBus.StartAsync(infrastructure.RabbitMq, data.Executions);
        var executionId = await data.CreateRunningAsync(JobId);
        await using var browserOnA = await HubRecorder.ConnectAsync(gatewayA);
        await using var browserOnB = await HubRecorder.ConnectAsync(gatewayB);
        await browserOnA.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);
        await browserOnB.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);

        await bus.PublishAsync(SampleEvents.Page(executionId, JobId, 1, 200));
        await browserOnA.WaitForCountersAsync(JobId, 200);
        await browserOnB.WaitForCountersAsync(JobId, 200);

        // With A's consumers stopped only B consumes: A's browser can only get these through the backplane.
        await gatewayA.App.Services.GetRequiredService<IBusControl>().StopAsync();
        await bus.PublishAsync(SampleEvents.Page(executionId, JobId, 201, 300));
        await browserOnA.WaitForCountersAsync(JobId, 300);
        await browserOnB.WaitForCountersAsync(JobId, 300);

        // A last event through the one remaining consumer, so duplicates of the earlier ones would have arrived by now.
        await bus.PublishAsync(SampleEvents.Page(executionId, JobId, 301, 301));
        await browserOnA.WaitForCountersAsync(JobId, 301);
        await browserOnB.WaitForCountersAsync(JobId, 301);
        Assert.That(browserOnA.Duplicates(), Is.Empty, "events pushed more than once to the browser on A");
        Assert.That(browserOnB.Duplicates(), Is.Empty, "events pushed more than once to the browser on B");
    }
}
