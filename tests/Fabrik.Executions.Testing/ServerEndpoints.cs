namespace Fabrik.Executions.Testing;

/// <summary>Where the three real servers answer, and the administrative credentials tests use to carve out their own space.</summary>
public sealed record ServerEndpoints(
    string PostgresAdmin,
    string Redis,
    Uri RabbitMq,
    Uri RabbitMqManagement);
