using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Publishes what the streams produce. A broker that is down makes publishing wait; this gives up after a bounded
/// time so the stream can go on and republish from the database later.
/// </summary>
public sealed class StreamPublisher(IBus bus)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task PublishAsync<T>(T message, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await bus.Publish(message, timeout.Token);
    }

    public async Task PublishBatchAsync(IReadOnlyList<JobEventReceived> events, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await bus.PublishBatch(events, timeout.Token);
    }
}
