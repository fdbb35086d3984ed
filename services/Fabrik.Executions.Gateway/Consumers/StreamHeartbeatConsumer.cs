using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes heartbeats to the execution's watchers.</summary>
public sealed class StreamHeartbeatConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<StreamHeartbeat>
{
    public Task Consume(ConsumeContext<StreamHeartbeat> context) =>
        hub.Clients.Group(ExecutionGroups.Output(context.Message.ExecutionId)).StreamHeartbeat(context.Message);
}
