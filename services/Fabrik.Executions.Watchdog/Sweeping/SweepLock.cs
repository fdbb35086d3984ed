using Npgsql;

namespace Fabrik.Executions.Watchdog.Sweeping;

/// <summary>
/// Lets one Watchdog sweep (or apply retention) at a time however many run: a transaction-scoped PostgreSQL advisory
/// lock, held for the sweep. Ending the transaction releases it, and PostgreSQL ends it when an instance dies, so a crashed Watchdog
/// never blocks the others.
/// </summary>
public sealed class SweepLock(NpgsqlDataSource dataSource)
{
    /// <summary>The lock's name; its key is <c>hashtext(Name)</c>.</summary>
    public const string Name = "fabrik-watchdog-sweep";

    /// <summary>The held sweep lock, to dispose when the sweep is done; null when another Watchdog holds it.</summary>
    public Task<IAsyncDisposable?> TryTakeAsync(CancellationToken cancellationToken) => TryTakeAsync(Name, cancellationToken);

    /// <summary>The held lock named <paramref name="name"/>, to dispose when done; null when another Watchdog holds it.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken)
    {
        var held = new HeldLock(await dataSource.OpenConnectionAsync(cancellationToken));
        try
        {
            if (await held.TryTakeAsync(name, cancellationToken))
            {
                return held;
            }
        }
        catch
        {
            await held.DisposeAsync();
            throw;
        }

        await held.DisposeAsync();
        return null;
    }

    private sealed class HeldLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        private NpgsqlTransaction? transaction;

        public async Task<bool> TryTakeAsync(string name, CancellationToken cancellationToken)
        {
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock(hashtext(@name))", connection, transaction);
            command.Parameters.AddWithValue("name", name);
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
