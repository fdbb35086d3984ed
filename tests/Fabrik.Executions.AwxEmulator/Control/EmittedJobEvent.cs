using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>An event a job emitted, whether or not pollers can see it yet; <see cref="VisibleAt"/> is null when they never will.</summary>
public sealed record EmittedJobEvent(
    long Id,
    int Counter,
    string Uuid,
    string ParentUuid,
    string Event,
    string HostName,
    string Stdout,
    int StartLine,
    int EndLine,
    bool Failed,
    bool Changed,
    DateTimeOffset Created,
    JsonElement EventData,
    DateTimeOffset? VisibleAt);
