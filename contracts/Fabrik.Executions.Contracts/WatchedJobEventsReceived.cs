namespace Fabrik.Executions.Contracts;

/// <summary>
/// A stored page of an AWX job's events whose execution a browser watches: the Gateways' feed of live output. The
/// poller publishes it beside <see cref="JobEventsReceived"/> only while some Gateway has announced a watcher of the
/// execution (browsers get what came before from the replay), so nobody pays for pages nobody sees. Services that want
/// every page take <see cref="JobEventsReceived"/>.
/// </summary>
public sealed record WatchedJobEventsReceived
{
    /// <summary>The execution the events belong to.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The page, exactly as it is published to every subscriber.</summary>
    public required JobEventsReceived Page { get; init; }
}
