namespace Fabrik.Executions.Gateway.Api;

/// <summary>Where a page of events starts and ends: ask again with <c>after = next_after</c> while <c>has_more</c>.</summary>
public sealed record JobEventCursor
{
    /// <summary>The counter the page starts after.</summary>
    public required long After { get; init; }

    /// <summary>The last counter on the page; <see cref="After"/> when the page is empty.</summary>
    public required long NextAfter { get; init; }

    /// <summary>True when events after <see cref="NextAfter"/> are already stored.</summary>
    public required bool HasMore { get; init; }

    /// <summary>The AWX job the events belong to; null while the execution has no AWX job.</summary>
    public long? Job { get; init; }
}
