namespace Fabrik.Executions.Testing;

/// <summary>
/// The servers <c>deploy/local/up.sh</c> starts on loopback, read from the same keys the services read
/// (<c>.local/stack.env</c> exports them); defaults are the local stack's ports.
/// </summary>
internal static class LocalServers
{
    public static ServerEndpoints Endpoints()
    {
        var postgres = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
                       ?? "Host=127.0.0.1;Port=5432;Database=fabrik;Username=fabrik;Password=fabrik";
        var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:6379";
        var rabbitMq = new Uri(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq") ?? "amqp://guest:guest@127.0.0.1:5672/");
        var managementPort = Environment.GetEnvironmentVariable("FABRIK_RABBITMQ_MANAGEMENT_PORT") ?? "15672";
        var management = new UriBuilder("http", rabbitMq.Host, int.Parse(managementPort, System.Globalization.CultureInfo.InvariantCulture))
        {
            UserName = rabbitMq.UserInfo.Split(':')[0],
            Password = rabbitMq.UserInfo.Split(':').ElementAtOrDefault(1) ?? "",
        }.Uri;
        return new ServerEndpoints(postgres, redis, rabbitMq, management);
    }
}
