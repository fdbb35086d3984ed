using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes a stored page of events to the execution's watchers as one <c>JobEvents</c> call, in counter order.</summary>
public sealed class WatchedJobEventsReceivedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub) : IConsumer<WatchedJobEventsReceived>
{
    public Task Consume(ConsumeContext<WatchedJobEventsReceived> context) =>
        hub.Clients
            .Group(ExecutionGroups.Output(context.Message.ExecutionId))
            .JobEvents(context.Message.ExecutionId, InCounterOrder(context.Message.Page.Events));

    private static List<JobEventReceived> InCounterOrder(IEnumerable<JobEventReceived> events) =>
        events
            .DistinctBy(jobEvent => jobEvent.Counter)
            .OrderBy(jobEvent => jobEvent.Counter)
            .ToList();
}
