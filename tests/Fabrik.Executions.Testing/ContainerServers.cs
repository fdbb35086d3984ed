using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace Fabrik.Executions.Testing;

/// <summary>The same three servers as containers, for machines with a Docker engine; started once per test process.</summary>
internal static class ContainerServers
{
    private const int ManagementPort = 15672;
    private const string RabbitMqUser = "fabrik";
    private const string RabbitMqPassword = "fabrik";

    public static async Task<ServerEndpoints> StartAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:16").WithUsername("fabrik").WithPassword("fabrik").Build();
        var redis = new RedisBuilder("redis:7").Build();
        var rabbitMq = new RabbitMqBuilder("rabbitmq:3.13-management")
            .WithUsername(RabbitMqUser)
            .WithPassword(RabbitMqPassword)
            .WithPortBinding(ManagementPort, assignRandomHostPort: true)
            .Build();
        await Task.WhenAll(postgres.StartAsync(), redis.StartAsync(), rabbitMq.StartAsync());

        var management = new UriBuilder("http", rabbitMq.Hostname, rabbitMq.GetMappedPublicPort(ManagementPort))
        {
            UserName = RabbitMqUser,
            Password = RabbitMqPassword,
        }.Uri;
        return new ServerEndpoints(postgres.GetConnectionString(), redis.GetConnectionString(), new Uri(rabbitMq.GetConnectionString()), management);
    }
}
