using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes the end of the stream to the execution's watchers and the monitor.</summary>
public sealed class ExecutionFinishedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<ExecutionFinished>
{
    public Task Consume(ConsumeContext<ExecutionFinished> context) =>
        hub.Clients.Groups(ExecutionGroups.OutputAndMonitor(context.Message.ExecutionId)).ExecutionFinished(context.Message);
}
