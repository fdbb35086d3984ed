using Fabrik.Executions.Contracts;
using Fabrik.Executions.StreamPoller.Streaming;
using MassTransit;

namespace Fabrik.Executions.StreamPoller.Consumers;

/// <summary>Starts following a newly launched execution, if no poller holds it yet.</summary>
public sealed class ExecutionLaunchedConsumer(StreamSupervisor supervisor) : IConsumer<ExecutionLaunched>
{
    public Task Consume(ConsumeContext<ExecutionLaunched> context) =>
        supervisor.TryStartAsync(context.Message.ExecutionId, context.CancellationToken);
}
