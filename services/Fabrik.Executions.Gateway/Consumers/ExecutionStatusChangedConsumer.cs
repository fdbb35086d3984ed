using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes status changes to the execution's watchers and the monitor.</summary>
public sealed class ExecutionStatusChangedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<ExecutionStatusChanged>
{
    public Task Consume(ConsumeContext<ExecutionStatusChanged> context) =>
        hub.Clients.Groups(ExecutionGroups.OutputAndMonitor(context.Message.ExecutionId)).ExecutionStatusChanged(context.Message);
}
