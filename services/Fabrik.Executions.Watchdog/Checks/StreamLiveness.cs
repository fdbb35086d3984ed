namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>What Redis says about an execution's stream: whether a poller holds its lease, whether its keepalive is fresh.</summary>
public readonly record struct StreamLiveness(bool Leased, bool Alive);
