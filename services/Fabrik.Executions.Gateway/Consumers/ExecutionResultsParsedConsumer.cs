using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes per-host results to the execution's watchers and the monitor.</summary>
public sealed class ExecutionResultsParsedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<ExecutionResultsParsed>
{
    public Task Consume(ConsumeContext<ExecutionResultsParsed> context) =>
        hub.Clients.Groups(ExecutionGroups.OutputAndMonitor(context.Message.ExecutionId)).ExecutionResultsParsed(context.Message);
}
