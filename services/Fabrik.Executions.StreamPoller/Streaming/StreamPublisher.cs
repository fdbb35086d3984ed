using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.StreamPoller.Publishing;
using Fabrik.Executions.StreamPoller.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Publishes what the streams produce. A broker that is down makes publishing wait; the caller stops waiting after a
/// bounded time so the stream can go on and republish from the database later.
/// </summary>
/// <remarks>
/// The wait is bounded, not the publish: MassTransit 8.5 sets a channel's topology up inside the first publish of a
/// message type, and a setup cancelled half-way leaves every later publish of that type on the channel waiting forever
/// (its one-time payload keeps the failed run). A benchmark dump showed 31 streams stuck that way for ten minutes,
/// their publish timeouts ignored. A publish the caller gave up on finishes or fails on its own, and consumers dedupe
/// what it repeats; while too many are still under way, new ones fail at once instead of piling up.
/// </remarks>
public sealed class StreamPublisher(IBus bus, EventMessagePublisher eventMessages, ExecutionWatchers watchers, PollerMetrics metrics, IOptions<StreamPollerOptions> options)
{
    private const int MaxUnfinished = 256;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private int unfinished;

    public Task PublishAsync<T>(T message, CancellationToken cancellationToken)
        where T : class =>
        PublishWithinTimeoutAsync(() => bus.Publish(message, CancellationToken.None), cancellationToken);

    /// <summary>
    /// Publishes a stored page of one job's events, in counter order: one <see cref="JobEventReceived"/> per event for
    /// the subscribers the frame promises them to (unless <see cref="StreamPollerOptions.PublishEachEvent"/> is off),
    /// one <see cref="JobEventsReceived"/> for the consumers that take pages, and, while a browser watches the
    /// execution, one <see cref="WatchedJobEventsReceived"/> for the Gateways. Returns when all went out. The page must
    /// be stored: whether it is watched is asked after that.
    /// </summary>
    public Task PublishStoredPageAsync(IReadOnlyList<JobEventReceived> events, CancellationToken cancellationToken)
    {
        var page = JobEventsReceived.Of(events);
        return PublishWithinTimeoutAsync(
            () => Task.WhenAll(PublishEachEventAsync(events), bus.Publish(page, CancellationToken.None), PublishIfWatchedAsync(page)),
            cancellationToken);
    }

    private Task PublishEachEventAsync(IReadOnlyList<JobEventReceived> events) =>
        options.Value.PublishEachEvent ? eventMessages.PublishAsync(events) : Task.CompletedTask;

    private async Task PublishIfWatchedAsync(JobEventsReceived page)
    {
        var watched = await watchers.AnyAsync(page.ExecutionId);
        metrics.PagePublished(watched);
        if (watched)
        {
            await bus.Publish(new WatchedJobEventsReceived { ExecutionId = page.ExecutionId, Page = page }, CancellationToken.None);
        }
    }

    private async Task PublishWithinTimeoutAsync(Func<Task> publish, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref unfinished) >= MaxUnfinished)
        {
            throw new TimeoutException($"{MaxUnfinished} earlier publishes are still under way: the broker is not taking messages.");
        }

        var publishing = publish();
        try
        {
            await publishing.WaitAsync(Timeout, cancellationToken);
        }
        catch when (!publishing.IsCompleted)
        {
            Interlocked.Increment(ref unfinished);
            _ = publishing.ContinueWith(
                finished =>
                {
                    _ = finished.Exception;
                    Interlocked.Decrement(ref unfinished);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
    }
}
