using System.Text.Json;

namespace Fabrik.Executions.Contracts;

/// <summary>
/// One AWX job event, published after it was stored. Consumers dedupe by
/// (<see cref="ExecutionId"/>, <see cref="JobId"/>, <see cref="Counter"/>): a resumed poller may publish an event again.
/// </summary>
public sealed record JobEventReceived
{
    /// <summary>The execution the event belongs to.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the job that emitted the event (a workflow execution has several).</summary>
    public required long JobId { get; init; }

    /// <summary>AWX's per-job sequence number, from 1.</summary>
    public required long Counter { get; init; }

    /// <summary>The event type (<c>runner_on_ok</c>, <c>playbook_on_stats</c>, ...).</summary>
    public required string Event { get; init; }

    /// <summary>The event's uuid.</summary>
    public required string Uuid { get; init; }

    /// <summary>The uuid of the play, task or playbook event this one belongs to; empty at the top.</summary>
    public required string ParentUuid { get; init; }

    /// <summary>The host the event is about, if any.</summary>
    public string? Host { get; init; }

    /// <summary>The play's name, if any.</summary>
    public string? Play { get; init; }

    /// <summary>The task's name, if any.</summary>
    public string? Task { get; init; }

    /// <summary>The role's name, if any.</summary>
    public string? Role { get; init; }

    /// <summary>The event's output, whole, with ANSI colours and line endings as Ansible wrote them.</summary>
    public required string Stdout { get; init; }

    /// <summary>First line of <see cref="Stdout"/> in the job's whole output.</summary>
    public required int StartLine { get; init; }

    /// <summary>Line after the last line of <see cref="Stdout"/> in the job's whole output.</summary>
    public required int EndLine { get; init; }

    /// <summary>Whether the event (or, after the stats, any of its children) failed.</summary>
    public required bool Failed { get; init; }

    /// <summary>Whether the event (or, after the stats, any of its children) changed something.</summary>
    public required bool Changed { get; init; }

    /// <summary>When Ansible created the event.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>AWX's <c>event_data</c> object, as AWX returned it.</summary>
    public required JsonElement EventData { get; init; }
}
