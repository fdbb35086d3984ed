using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>The services' statements are prepared, and a migration that adds columns while they run must not break them.</summary>
public sealed class PreparedStatementTests
{
    // More than Npgsql's uses before it prepares a statement (5), on the one connection of the pool.
    private const int Uses = 8;

    [Test]
    public async Task Prepared_reads_keep_working_after_a_migration_adds_columns_to_their_tables()
    {
        await using var infrastructure = await IsolatedInfrastructure.CreateAsync();
        var oneConnection = new NpgsqlConnectionStringBuilder(infrastructure.Postgres) { MaxPoolSize = 1 }.ConnectionString;
        await using var services = new ServiceCollection().AddFabrikStorage(oneConnection).BuildServiceProvider();
        var executions = services.GetRequiredService<ExecutionRepository>();
        var streams = services.GetRequiredService<JobStreamRepository>();
        var (execution, _) = await executions.CreateAsync(SyntheticExecution.New(), CancellationToken.None);
        for (var use = 0; use < Uses; use++)
        {
            await executions.FindAsync(execution.Id, CancellationToken.None);
            await streams.GetAsync(execution.Id, 1, CancellationToken.None);
        }

        await using (var migration = new NpgsqlConnection(infrastructure.Postgres))
        {
            await migration.OpenAsync();
            await using var addColumns = new NpgsqlCommand(
                "alter table executions add column added_later text; alter table job_streams add column added_later text", migration);
            await addColumns.ExecuteNonQueryAsync();
        }

        Assert.That((await executions.FindAsync(execution.Id, CancellationToken.None))?.Id, Is.EqualTo(execution.Id));
        Assert.That((await streams.GetAsync(execution.Id, 1, CancellationToken.None)).ExecutionId, Is.EqualTo(execution.Id));
    }
}
