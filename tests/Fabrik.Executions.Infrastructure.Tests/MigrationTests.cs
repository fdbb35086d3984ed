using Dapper;
using DbUp.Engine.Output;
using Fabrik.Executions.Migrations;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

public sealed class MigrationTests
{
    private static readonly string[] ExpectedTables =
        ["executions", "job_events", "job_streams", "operator_actions", "watchdog_actions", "workflow_approvals", "workflow_nodes"];

    [Test]
    public async Task Migrations_create_every_table_in_an_empty_database()
    {
        await using var database = await EmptyDatabase.CreateAsync();

        var outcome = await SchemaMigrator.ApplyAsync(database.ConnectionString, new NoOpUpgradeLog(), CancellationToken.None);

        Assert.That(outcome.AppliedScripts, Is.Not.Empty);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var tables = await connection.QueryAsync<string>(
            "select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'schemaversions' order by 1");
        Assert.That(tables, Is.EquivalentTo(ExpectedTables));
    }

    [Test]
    public async Task Migrations_applied_again_to_an_up_to_date_database_change_nothing()
    {
        await using var database = await EmptyDatabase.CreateAsync();
        var first = await SchemaMigrator.ApplyAsync(database.ConnectionString, new NoOpUpgradeLog(), CancellationToken.None);

        var second = await SchemaMigrator.ApplyAsync(database.ConnectionString, new NoOpUpgradeLog(), CancellationToken.None);

        Assert.That(second.AppliedScripts, Is.Empty);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var journal = await connection.ExecuteScalarAsync<int>("select count(*) from schemaversions");
        Assert.That(journal, Is.EqualTo(first.AppliedScripts.Count));
    }

    [Test]
    public async Task Migrators_started_together_apply_each_script_exactly_once()
    {
        await using var database = await EmptyDatabase.CreateAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => SchemaMigrator.ApplyAsync(database.ConnectionString, new NoOpUpgradeLog(), CancellationToken.None))));

        var applied = outcomes.SelectMany(outcome => outcome.AppliedScripts).ToList();
        Assert.That(applied, Is.Unique);
        Assert.That(outcomes.Count(outcome => outcome.AppliedScripts.Count > 0), Is.EqualTo(1));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.That(await connection.ExecuteScalarAsync<int>("select count(*) from schemaversions"), Is.EqualTo(applied.Count));
    }
}
