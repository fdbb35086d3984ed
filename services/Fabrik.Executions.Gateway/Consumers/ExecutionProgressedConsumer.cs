using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes progress to the execution's watchers and the monitor.</summary>
public sealed class ExecutionProgressedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<ExecutionProgressed>
{
    public Task Consume(ConsumeContext<ExecutionProgressed> context) =>
        hub.Clients.Groups(ExecutionGroups.OutputAndMonitor(context.Message.ExecutionId)).ExecutionProgressed(context.Message);
}
