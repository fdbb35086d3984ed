using System.Diagnostics;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using MassTransit;
using RabbitMQ.Client;

namespace Fabrik.Executions.StreamPoller.Publishing;

/// <summary>
/// Publishes a stored page's events as one <see cref="JobEventReceived"/> each, with the RabbitMQ client itself: the
/// message MassTransit would publish (its exchange, its JSON envelope written with the bus's own serializer options,
/// persistent, confirmed; see <see cref="JobEventEnvelope"/>), without its per-message pipeline.
/// </summary>
/// <remarks>
/// The per-event messages are most of what the poller publishes: through MassTransit, its publish pipeline and client
/// took 58 % of the poller's CPU samples during the benchmark's copy (docs/performance.md). Here a page's messages go
/// out on one channel back to back and their confirms are awaited together. Each carries the trace context of the span
/// it was published in, as MassTransit's would, so its consumers' spans join the poll cycle's trace. A failure closes
/// the channel and the connection behind it; the next page opens new ones, and the stream republishes what was not
/// confirmed.
/// </remarks>
public sealed class EventMessagePublisher(IBus bus, IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly JobEventEnvelope envelope = new(bus);
    private IConnection? connection;
    private IChannel? channel;

    /// <summary>
    /// Returns once the broker confirmed every message; throws if it did not. Not cancellable, as a MassTransit publish
    /// is not: the caller bounds its wait (<see cref="Streaming.StreamPublisher"/>).
    /// </summary>
    public async Task PublishAsync(IReadOnlyList<JobEventReceived> events)
    {
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } span ? span.Id : null;
        var messages = envelope.Write(events, traceParent);
        var confirms = new List<Task>(messages.Count);
        IChannel open;
        await gate.WaitAsync();
        try
        {
            open = await OpenChannelAsync();
            foreach (var (messageId, body) in messages)
            {
                var properties = new BasicProperties
                {
                    Persistent = true,
                    ContentType = JobEventEnvelope.ContentType,
                    MessageId = messageId,
                    Headers = TraceHeaders(traceParent),
                };
                confirms.Add(open.BasicPublishAsync(envelope.Exchange, routingKey: "", mandatory: false, properties, body).AsTask());
            }
        }
        catch
        {
            await CloseAsync();
            _ = Task.WhenAll(confirms).ContinueWith(static sent => _ = sent.Exception, TaskScheduler.Default);
            throw;
        }
        finally
        {
            gate.Release();
        }

        try
        {
            await Task.WhenAll(confirms);
        }
        catch
        {
            await CloseIfStillAsync(open);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private static Dictionary<string, object?>? TraceHeaders(string? traceParent) =>
        traceParent is null ? null : new() { ["traceparent"] = traceParent, [JobEventEnvelope.ActivityIdHeader] = traceParent };

    private async Task<IChannel> OpenChannelAsync()
    {
        if (channel is { IsOpen: true })
        {
            return channel;
        }

        await CloseAsync();
        var factory = new ConnectionFactory
        {
            Uri = configuration.GetRabbitMqUri(),
            ClientProvidedName = "stream-poller event messages",
            AutomaticRecoveryEnabled = false,
        };
        connection = await factory.CreateConnectionAsync();
        channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(envelope.Exchange, ExchangeType.Fanout, durable: true);
        return channel;
    }

    private async Task CloseIfStillAsync(IChannel failed)
    {
        await gate.WaitAsync();
        try
        {
            if (ReferenceEquals(channel, failed))
            {
                await CloseAsync();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        var (closingChannel, closingConnection) = (channel, connection);
        (channel, connection) = (null, null);
        if (closingChannel is not null)
        {
            await closingChannel.DisposeAsync();
        }

        if (closingConnection is not null)
        {
            await closingConnection.DisposeAsync();
        }
    }
}
