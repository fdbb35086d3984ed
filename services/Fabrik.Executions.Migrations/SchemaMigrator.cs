using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Fabrik.Executions.Migrations;

/// <summary>
/// Applies the versioned scripts under Scripts/ in order, each once. Several migrators may start together (every
/// deployment runs one): a PostgreSQL advisory lock lets exactly one apply while the others wait, then find nothing to do.
/// </summary>
public static class SchemaMigrator
{
    // Any constant shared by every migrator of this schema; "fabrik-x" in ASCII.
    private const long AdvisoryLockKey = 0x66616272696b2d78;

    public static async Task<MigrationOutcome> ApplyAsync(string connectionString, IUpgradeLog log, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand("select pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", AdvisoryLockKey);
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogTo(log)
                .Build();

            var pending = upgrader.GetScriptsToExecute().Select(script => script.Name).ToList();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new SchemaMigrationException($"Migration script {result.ErrorScript?.Name ?? "(unknown)"} failed.", result.Error);
            }

            return new MigrationOutcome(pending);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
