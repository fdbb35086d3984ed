using Microsoft.Extensions.Configuration;

namespace Fabrik.Executions.Hosting;

/// <summary>Reads settings a service cannot start without, failing at start-up with the key to set.</summary>
public static class RequiredConfiguration
{
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Connection string '{name}' is missing: set ConnectionStrings__{name}.");

    public static Uri GetRabbitMqUri(this IConfiguration configuration)
    {
        var value = configuration.GetRequiredConnectionString(ConnectionStringNames.RabbitMq);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings__{ConnectionStringNames.RabbitMq} must be an amqp:// or amqps:// URI.");
        }

        return uri;
    }
}
