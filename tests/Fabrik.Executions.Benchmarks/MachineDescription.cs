using System.Runtime.InteropServices;
using Fabrik.Executions.Testing;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Fabrik.Executions.Benchmarks;

/// <summary>The machine and server versions the figures were measured on.</summary>
internal static class MachineDescription
{
    public static async Task<IReadOnlyList<(string What, string Value)>> DescribeAsync()
    {
        var cpu = (await File.ReadAllLinesAsync("/proc/cpuinfo")).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memory = (await File.ReadAllLinesAsync("/proc/meminfo"))[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = (await File.ReadAllLinesAsync("/etc/os-release")).FirstOrDefault(line => line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "unknown";
        var servers = await TestServers.GetAsync();
        return
        [
            ("CPU", $"{cpu}, {Environment.ProcessorCount} cores"),
            ("memory", $"{long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:0.0} GiB"),
            ("OS", $"{os}, kernel {(await File.ReadAllTextAsync("/proc/sys/kernel/osrelease")).Trim()}"),
            (".NET", RuntimeInformation.FrameworkDescription),
            ("PostgreSQL", await PostgresVersionAsync(servers.PostgresAdmin)),
            ("RabbitMQ", await RabbitMqVersionAsync(servers.RabbitMq)),
            ("Redis", await RedisVersionAsync(servers.Redis)),
            ("load average when the run began (1, 5, 15 min)", string.Join(", ", (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3))),
        ];
    }

    private static async Task<string> PostgresVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    private static async Task<string> RabbitMqVersionAsync(Uri uri)
    {
        await using var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
        return connection.ServerProperties is { } properties && properties.TryGetValue("version", out var version) && version is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : "unknown";
    }

    private static async Task<string> RedisVersionAsync(string configuration)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        return redis.GetServers()[0].Version.ToString();
    }
}
