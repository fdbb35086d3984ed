using System.Data.Common;
using Dapper;
using Fabrik.Executions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Fabrik.Executions.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Connections one process opens at most unless its connection string says otherwise. Npgsql's own default (100)
    /// in each of a stack's processes would together exceed what one PostgreSQL serves, and a burst (a thousand browsers
    /// subscribing) then fails on "connection slots"; past this limit a caller waits for a free connection instead.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    public static IHostApplicationBuilder AddFabrikStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(ConnectionStringNames.Postgres);
        builder.Services.AddFabrikStorage(connectionString);
        builder.Services.AddHealthChecks().AddNpgSql(
            provider => provider.GetRequiredService<NpgsqlDataSource>(),
            name: "postgres",
            tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static IServiceCollection AddFabrikStorage(this IServiceCollection services, string connectionString)
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(WithPoolLimit(connectionString)).Build());
        services.AddSingleton<ExecutionRepository>();
        services.AddSingleton<JobEventStore>();
        services.AddSingleton<JobStreamRepository>();
        services.AddSingleton<JobStreamQueries>();
        services.AddSingleton<ExecutionResultsRepository>();
        services.AddSingleton<WorkflowRepository>();
        services.AddSingleton<WorkflowCloneRepository>();
        return services;
    }

    public static string WithPoolLimit(string connectionString)
    {
        // Npgsql's builder reports every keyword it knows as present; the plain builder holds only what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() is "MAXPOOLSIZE" or "MAXIMUMPOOLSIZE"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }
}
