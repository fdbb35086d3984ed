using Fabrik.Executions.Contracts;
using Fabrik.Executions.StreamPoller.Streaming;
using MassTransit;

namespace Fabrik.Executions.StreamPoller.Consumers;

/// <summary>Takes over an execution the Watchdog found stalled, from its stored watermark.</summary>
public sealed class ResumeStreamingConsumer(StreamSupervisor supervisor) : IConsumer<ResumeStreaming>
{
    public Task Consume(ConsumeContext<ResumeStreaming> context) =>
        supervisor.TryStartAsync(context.Message.ExecutionId, context.CancellationToken);
}
