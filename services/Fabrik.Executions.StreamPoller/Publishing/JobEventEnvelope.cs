using System.Buffers;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using MassTransit;
using MassTransit.Metadata;
using MassTransit.Serialization;

namespace Fabrik.Executions.StreamPoller.Publishing;

/// <summary>
/// Writes a <see cref="JobEventReceived"/> in the JSON envelope MassTransit publishes it in: the same properties, the
/// message serialized with the bus's own options, so MassTransit's consumers and other services' subscribers read it
/// as any other.
/// </summary>
public sealed class JobEventEnvelope
{
    public static readonly string ContentType = SystemTextJsonMessageSerializer.JsonContentType.MediaType;

    /// <summary>The header MassTransit names the publishing span in, read by its consumers beside <c>traceparent</c>.</summary>
    public const string ActivityIdHeader = "MT-Activity-Id";

    private static readonly string MessageType = MessageUrn.ForTypeString<JobEventReceived>();

    private readonly string sourceAddress;
    private readonly string destinationAddress;
    private readonly byte[] host;

    public JobEventEnvelope(IBus bus)
    {
        if (!bus.Topology.Publish<JobEventReceived>().TryGetPublishAddress(bus.Address, out var publishAddress))
        {
            throw new InvalidOperationException($"The bus has no publish address for {nameof(JobEventReceived)}.");
        }

        Exchange = bus.Topology.Message<JobEventReceived>().EntityName;
        sourceAddress = bus.Address.ToString();
        destinationAddress = publishAddress.ToString();
        host = JsonSerializer.SerializeToUtf8Bytes(HostMetadataCache.Host, SystemTextJsonMessageSerializer.Options);
    }

    /// <summary>The fanout exchange MassTransit publishes the message type to.</summary>
    public string Exchange { get; }

    /// <summary>
    /// Each message's id and body, in the page's order. <paramref name="traceParent"/> is the W3C id of the span the
    /// page was published in (see <see cref="EventMessagePublisher"/>), which MassTransit also carries in the envelope's
    /// headers. One buffer and writer serve the whole page.
    /// </summary>
    public IReadOnlyList<(string MessageId, byte[] Body)> Write(IReadOnlyList<JobEventReceived> page, string? traceParent)
    {
        var messages = new List<(string, byte[])>(page.Count);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SystemTextJsonMessageSerializer.Options.Encoder });
        foreach (var message in page)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var messageId = NewId.NextGuid().ToString();
            WriteEnvelope(writer, messageId, message, traceParent);
            writer.Flush();
            messages.Add((messageId, buffer.WrittenSpan.ToArray()));
        }

        return messages;
    }

    private void WriteEnvelope(Utf8JsonWriter writer, string messageId, JobEventReceived message, string? traceParent)
    {
        writer.WriteStartObject();
        writer.WriteString("messageId", messageId);
        writer.WriteNull("requestId");
        writer.WriteNull("correlationId");
        writer.WriteString("conversationId", NewId.NextGuid());
        writer.WriteNull("initiatorId");
        writer.WriteString("sourceAddress", sourceAddress);
        writer.WriteString("destinationAddress", destinationAddress);
        writer.WriteNull("responseAddress");
        writer.WriteNull("faultAddress");
        writer.WriteStartArray("messageType");
        writer.WriteStringValue(MessageType);
        writer.WriteEndArray();
        writer.WritePropertyName("message");
        JsonSerializer.Serialize(writer, message, SystemTextJsonMessageSerializer.Options);
        writer.WriteNull("expirationTime");
        writer.WriteString("sentTime", DateTime.UtcNow);
        writer.WriteStartObject("headers");
        if (traceParent is not null)
        {
            writer.WriteString(ActivityIdHeader, traceParent);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("host");
        writer.WriteRawValue(host, skipInputValidation: true);
        writer.WriteEndObject();
    }
}
