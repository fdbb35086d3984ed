using System.Globalization;
using DbUp.Engine.Output;
using Fabrik.Executions.Migrations;
using Npgsql;

namespace Fabrik.Executions.Testing;

/// <summary>
/// A fixture's own space on the real servers: a fresh, migrated PostgreSQL database, a fresh RabbitMQ virtual host and
/// a Redis key prefix, so test fixtures running side by side never see each other's data or messages.
/// </summary>
public sealed class IsolatedInfrastructure : IAsyncDisposable
{
    private readonly ServerEndpoints servers;
    private readonly RabbitMqVirtualHosts virtualHosts;

    private IsolatedInfrastructure(ServerEndpoints servers, string name, string postgres, Uri rabbitMq)
    {
        this.servers = servers;
        virtualHosts = new RabbitMqVirtualHosts(servers.RabbitMqManagement);
        Name = name;
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    /// <summary>Unique name of this space: the database and virtual host are called this.</summary>
    public string Name { get; }

    public string Postgres { get; }

    public string Redis => servers.Redis;

    public Uri RabbitMq { get; }

    /// <summary>The configuration keys the services read, pointing at this space.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = Postgres,
        ["ConnectionStrings:Redis"] = Redis,
        ["ConnectionStrings:RabbitMq"] = RabbitMq.ToString(),
        ["Redis:ChannelPrefix"] = Name,
        [Hosting.RedisKeyspace.PrefixKey] = RedisKeyPrefix,
    };

    /// <summary>The prefix of every Redis key the services of this space write.</summary>
    public string RedisKeyPrefix => Name + ":";

    public static async Task<IsolatedInfrastructure> CreateAsync(CancellationToken cancellationToken = default)
    {
        var servers = await TestServers.GetAsync();
        var name = "fabrik_test_" + Guid.NewGuid().ToString("N")[..12];

        await using (var admin = new NpgsqlConnection(servers.PostgresAdmin))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var postgres = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin) { Database = name, Pooling = true }.ConnectionString;
        await SchemaMigrator.ApplyAsync(postgres, new NoOpUpgradeLog(), cancellationToken);

        await new RabbitMqVirtualHosts(servers.RabbitMqManagement).CreateAsync(name, cancellationToken);
        var rabbitMq = new UriBuilder(servers.RabbitMq) { Path = "/" + name }.Uri;

        return new IsolatedInfrastructure(servers, name, postgres, rabbitMq);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(servers.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"drop database if exists {Name} with (force)"), admin);
            await drop.ExecuteNonQueryAsync();
        }

        await virtualHosts.DeleteAsync(Name, CancellationToken.None);
        virtualHosts.Dispose();
    }
}
