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

    /// <summary>
    /// Statements each connection keeps prepared unless the connection string says otherwise: Npgsql prepares a
    /// statement once it ran twice, so PostgreSQL stops parsing and planning the poller's few statements on every
    /// cycle, which halved its CPU per AWX poll in the benchmark (docs/performance.md). Queries name their columns
    /// (<see cref="RecordColumns{TRecord}"/>), so a migration that adds one does not break what is prepared.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

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
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(WithConnectionDefaults(connectionString)).Build());
        services.AddSingleton<ExecutionRepository>();
        services.AddSingleton<JobEventStore>();
        services.AddSingleton<JobStreamRepository>();
        services.AddSingleton<JobStreamQueries>();
        services.AddSingleton<ExecutionResultsRepository>();
        services.AddSingleton<WorkflowRepository>();
        services.AddSingleton<WorkflowCloneRepository>();
        return services;
    }

    /// <summary><paramref name="connectionString"/> with <see cref="DefaultMaxPoolSize"/> and <see cref="DefaultMaxAutoPrepare"/>, each unless it names its own.</summary>
    public static string WithConnectionDefaults(string connectionString)
    {
        // Npgsql's builder reports every keyword it knows as present; the plain builder holds only what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var defaults = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Overlaps(["MAXPOOLSIZE", "MAXIMUMPOOLSIZE"]))
        {
            defaults.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!written.Contains("MAXAUTOPREPARE"))
        {
            defaults.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return defaults.ConnectionString;
    }
}
