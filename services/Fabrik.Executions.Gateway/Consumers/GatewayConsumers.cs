using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Telemetry;
using MassTransit;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>
/// The Gateway's consumers. Every instance binds the same queues (<c>gateway-watched-job-events-received</c>, ...) as
/// competing consumers; the Redis backplane fans each push out to every instance's browsers, so a browser gets each
/// message once whichever instance consumed it.
/// </summary>
public static class GatewayConsumers
{
    public static void Register(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<WatchedJobEventsReceivedConsumer, WatchedJobEventsReceivedConsumerDefinition>();
        bus.AddConsumer<ExecutionStatusChangedConsumer, BrowserPushDefinition<ExecutionStatusChangedConsumer>>();
        bus.AddConsumer<ExecutionProgressedConsumer, BrowserPushDefinition<ExecutionProgressedConsumer>>();
        bus.AddConsumer<StreamHeartbeatConsumer, BrowserPushDefinition<StreamHeartbeatConsumer>>();
        bus.AddConsumer<WorkflowNodeChangedConsumer, BrowserPushDefinition<WorkflowNodeChangedConsumer>>();
        bus.AddConsumer<ExecutionFinishedConsumer, BrowserPushDefinition<ExecutionFinishedConsumer>>();
        bus.AddConsumer<ExecutionResultsParsedConsumer, BrowserPushDefinition<ExecutionResultsParsedConsumer>>();
        bus.AddRequestClient<LaunchExecution>();
        bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseConsumeFilter(typeof(HubPushFilter<>), context));
    }
}
