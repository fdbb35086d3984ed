using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>A fresh database with no schema at all, on the real server, dropped afterwards.</summary>
internal sealed class EmptyDatabase : IAsyncDisposable
{
    private readonly string adminConnectionString;
    private readonly string name;

    private EmptyDatabase(string adminConnectionString, string name)
    {
        this.adminConnectionString = adminConnectionString;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<EmptyDatabase> CreateAsync()
    {
        var servers = await TestServers.GetAsync();
        var name = "fabrik_empty_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(servers.PostgresAdmin);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new EmptyDatabase(servers.PostgresAdmin, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
