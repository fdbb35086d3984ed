using Dapper;
using Fabrik.Executions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Fabrik.Executions.Storage;

public static class StorageExtensions
{
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
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddSingleton<ExecutionRepository>();
        services.AddSingleton<JobEventStore>();
        services.AddSingleton<JobStreamRepository>();
        services.AddSingleton<JobStreamQueries>();
        services.AddSingleton<ExecutionResultsRepository>();
        services.AddSingleton<WorkflowRepository>();
        services.AddSingleton<WorkflowCloneRepository>();
        return services;
    }
}
