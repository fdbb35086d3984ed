using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>A job event as AWX stores it. Only <see cref="Failed"/> and <see cref="Changed"/> change after storing.</summary>
internal sealed class StoredJobEvent
{
    public required long Id { get; init; }

    public required int JobId { get; init; }

    public required int Counter { get; init; }

    public required string Uuid { get; init; }

    public required string ParentUuid { get; init; }

    public required string Event { get; init; }

    public required JsonElement EventData { get; init; }

    public required string Stdout { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    public required int Verbosity { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required string HostName { get; init; }

    public required int? HostId { get; init; }

    public required string Playbook { get; init; }

    public required string Play { get; init; }

    public required string Task { get; init; }

    public required string Role { get; init; }

    /// <summary>When a poller first sees the event; null when it never does.</summary>
    public required DateTimeOffset? VisibleAt { get; init; }

    public bool Failed { get; set; }

    public bool Changed { get; set; }

    public bool IsVisibleAt(DateTimeOffset now) => VisibleAt is { } visibleAt && visibleAt <= now;
}
