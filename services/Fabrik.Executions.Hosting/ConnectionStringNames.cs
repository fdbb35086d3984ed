namespace Fabrik.Executions.Hosting;

/// <summary>The configuration keys of the three servers (<c>ConnectionStrings__Postgres</c> and so on).</summary>
public static class ConnectionStringNames
{
    public const string Postgres = "Postgres";
    public const string Redis = "Redis";
    public const string RabbitMq = "RabbitMq";
}
