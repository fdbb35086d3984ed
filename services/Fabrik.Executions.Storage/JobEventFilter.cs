namespace Fabrik.Executions.Storage;

/// <summary>Which stored events of a job a page holds; every member left null matches all.</summary>
public sealed record JobEventFilter
{
    public static readonly JobEventFilter All = new();

    /// <summary>AWX's event type (<c>runner_on_failed</c>, ...).</summary>
    public string? Event { get; init; }

    public string? Host { get; init; }

    public bool? Failed { get; init; }

    /// <summary>
    /// A phrase the event's stdout contains once its colours are removed, ignoring case (taken literally, not as a
    /// pattern).
    /// </summary>
    public string? OutputContains { get; init; }
}
