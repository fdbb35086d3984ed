using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Npgsql;

namespace Fabrik.Executions.Migrations;

/// <summary>
/// Applies the versioned scripts under Scripts/ in order, each once. Several migrators may start together (every
/// deployment runs one): a PostgreSQL advisory lock lets exactly one apply while the others wait, then find nothing to do.
/// A script runs in a transaction of its own unless its name ends in <c>.no_transaction.sql</c>: such a script may
/// commit as it goes and build indexes concurrently, and must be safe to run again after it failed halfway.
/// </summary>
public static class SchemaMigrator
{
    // Any constant shared by every migrator of this schema; "fabrik-x" in ASCII.
    private const long AdvisoryLockKey = 0x66616272696b2d78;

    private const string OutsideTransactionSuffix = ".no_transaction.sql";

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<MigrationOutcome> ApplyAsync(string connectionString, IUpgradeLog log, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        // Waiting inside pg_advisory_lock would hold a snapshot, and CREATE INDEX CONCURRENTLY in the migrator holding the
        // lock waits for every older snapshot: a deadlock PostgreSQL cannot see. Trying again leaves none behind.
        while (!await TryLockAsync(lockConnection, cancellationToken))
        {
            await Task.Delay(LockRetryInterval, cancellationToken);
        }

        try
        {
            var pending = Upgrader(connectionString, log).GetScriptsToExecute().Select(script => script.Name).ToList();
            foreach (var script in pending)
            {
                var result = Upgrader(connectionString, log, script).PerformUpgrade();
                if (!result.Successful)
                {
                    throw new SchemaMigrationException($"Migration script {result.ErrorScript?.Name ?? script} failed.", result.Error);
                }
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

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var acquire = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        acquire.Parameters.AddWithValue("key", AdvisoryLockKey);
        return (bool)(await acquire.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every script, or only <paramref name="script"/>, which then runs in a transaction unless its name says otherwise.</summary>
    private static UpgradeEngine Upgrader(string connectionString, IUpgradeLog log, string? script = null)
    {
        var builder = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(
                typeof(SchemaMigrator).Assembly,
                name => name.EndsWith(".sql", StringComparison.Ordinal) && (script is null || name == script))
            .LogTo(log);
        var outsideTransaction = script?.EndsWith(OutsideTransactionSuffix, StringComparison.Ordinal) == true;
        return (outsideTransaction ? builder.WithoutTransaction() : builder.WithTransactionPerScript()).Build();
    }
}
