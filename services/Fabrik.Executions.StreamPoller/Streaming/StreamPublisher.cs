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

    /// <summary>
    /// Publishes a stored page of one job's events, in counter order, both ways: one <see cref="JobEventReceived"/>
    /// per event for the subscribers the frame promises them to, and one <see cref="JobEventsReceived"/> for the
    /// consumers that take pages. Returns when both went out.
    /// </summary>
    public async Task PublishStoredPageAsync(IReadOnlyList<JobEventReceived> page, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await Task.WhenAll(bus.PublishBatch(page, timeout.Token), bus.Publish(JobEventsReceived.Of(page), timeout.Token));
    }
}
