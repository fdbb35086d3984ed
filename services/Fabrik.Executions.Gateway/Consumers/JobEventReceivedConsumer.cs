using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Hubs;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>Pushes a batch of events as one <c>JobEvents</c> call per execution, in counter order within each job.</summary>
public sealed class JobEventReceivedConsumer(IHubContext<ExecutionsHub, IExecutionsClient> hub)
    : IConsumer<Batch<JobEventReceived>>
{
    public Task Consume(ConsumeContext<Batch<JobEventReceived>> context) =>
        Task.WhenAll(context.Message
            .Select(received => received.Message)
            .GroupBy(jobEvent => jobEvent.ExecutionId)
            .Select(execution => hub.Clients
                .Group(ExecutionGroups.Output(execution.Key))
                .JobEvents(execution.Key, InCounterOrder(execution))));

    private static List<JobEventReceived> InCounterOrder(IEnumerable<JobEventReceived> events) =>
        events
            .DistinctBy(jobEvent => (jobEvent.JobId, jobEvent.Counter))
            .OrderBy(jobEvent => jobEvent.JobId)
            .ThenBy(jobEvent => jobEvent.Counter)
            .ToList();
}
