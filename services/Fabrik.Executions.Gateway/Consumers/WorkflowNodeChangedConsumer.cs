using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes workflow node states to the execution's watchers.</summary>
public sealed class WorkflowNodeChangedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<WorkflowNodeChanged>
{
    public Task Consume(ConsumeContext<WorkflowNodeChanged> context) =>
        hub.Clients.Group(ExecutionGroups.Output(context.Message.ExecutionId)).WorkflowNodeChanged(context.Message);
}
