using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Copies an AWX job event into the contract the system stores and publishes. PostgreSQL text cannot hold NUL, so NUL
/// characters are stripped from stdout and event data, as AWX itself does when it saves events.
/// </summary>
public static class AwxEventMapper
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static JobEventReceived ToContract(Guid executionId, long jobId, AwxJobEvent awxEvent, DateTimeOffset receivedAt) => new()
    {
        ExecutionId = executionId,
        JobId = jobId,
        Counter = awxEvent.Counter,
        Event = WithoutNul(awxEvent.Event),
        Uuid = WithoutNul(awxEvent.Uuid),
        ParentUuid = WithoutNul(awxEvent.ParentUuid ?? ""),
        Host = NullableWithoutNul(string.IsNullOrEmpty(awxEvent.HostName) ? HostFromEventData(awxEvent.EventData) : awxEvent.HostName),
        Play = NullableWithoutNul(awxEvent.Play),
        Task = NullableWithoutNul(awxEvent.Task),
        Role = NullableWithoutNul(awxEvent.Role),
        Stdout = WithoutNul(awxEvent.Stdout ?? ""),
        StartLine = awxEvent.StartLine,
        EndLine = awxEvent.EndLine,
        Failed = awxEvent.Failed,
        Changed = awxEvent.Changed,
        Created = awxEvent.Created ?? receivedAt,
        EventData = SanitizedEventData(awxEvent.EventData),
    };

    /// <summary>Why AWX's event cannot be stored, or null when it can.</summary>
    public static string? Reject(AwxJobEvent awxEvent) =>
        awxEvent.Counter <= 0 ? $"counter {awxEvent.Counter} is not positive"
        : string.IsNullOrEmpty(awxEvent.Event) ? $"event {awxEvent.Counter} has no event type"
        : awxEvent.EventData.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null)
            ? $"event {awxEvent.Counter} has event_data that is not an object"
        : null;

    private static string? HostFromEventData(JsonElement eventData) =>
        eventData.ValueKind == JsonValueKind.Object && eventData.TryGetProperty("host", out var host) && host.ValueKind == JsonValueKind.String
            ? host.GetString()
            : null;

    private static JsonElement SanitizedEventData(JsonElement eventData)
    {
        if (eventData.ValueKind != JsonValueKind.Object)
        {
            return EmptyObject;
        }

        var raw = eventData.GetRawText();
        if (!raw.Contains("\\u0000", StringComparison.Ordinal))
        {
            return eventData.Clone();
        }

        var node = JsonNode.Parse(raw)!;
        StripNul(node);
        return JsonSerializer.SerializeToElement(node);
    }

    private static void StripNul(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = WithoutNul(text);
                    }
                    else if (child is not null)
                    {
                        StripNul(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = WithoutNul(text);
                    }
                    else if (array[i] is { } child)
                    {
                        StripNul(child);
                    }
                }

                break;
        }
    }

    private static string WithoutNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    private static string? NullableWithoutNul(string? text) => text is null ? null : WithoutNul(text);
}
