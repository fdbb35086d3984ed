using System.Text.Json;
using Fabrik.Executions.Contracts;
using RabbitMQ.Client;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// RabbitMQ's own pace for the poller's messages: the same events in MassTransit's JSON envelope, persistent, to a
/// durable fanout exchange, with publisher confirms, 200 in flight as the poller's pages are; either bound to nothing,
/// as the poller's per-event exchange is in the benchmark's stack, or to one durable queue, as for one subscriber.
/// </summary>
internal static class RawPublish
{
    private const string Name = "benchmarks.raw-publish";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The events as the bodies the poller's messages have, built once for every measurement.</summary>
    public static IReadOnlyList<byte[]> Bodies(IReadOnlyList<JobEventReceived> events) =>
        events.Select(e => JsonSerializer.SerializeToUtf8Bytes(new
        {
            MessageId = Guid.NewGuid(),
            MessageType = new[] { "urn:message:Fabrik.Executions.Contracts:JobEventReceived" },
            Message = e,
            SentTime = DateTimeOffset.UtcNow,
        }, Json)).ToList();

    public static async Task<double> RateAsync(Uri rabbitMq, IReadOnlyList<byte[]> bodies, bool intoQueue)
    {
        var factory = new ConnectionFactory { Uri = rabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(Name, ExchangeType.Fanout, durable: true);
        if (intoQueue)
        {
            await channel.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(Name, Name, "");
        }

        var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };

        var rate = await IngestBenchmark.RateAsync(bodies.Count, async () =>
        {
            foreach (var page in bodies.Chunk(200))
            {
                await Task.WhenAll(page.Select(body => channel.BasicPublishAsync(Name, "", false, properties, body).AsTask()));
            }
        });
        if (intoQueue)
        {
            await channel.QueueDeleteAsync(Name);
        }

        await channel.ExchangeDeleteAsync(Name);
        return rate;
    }
}
