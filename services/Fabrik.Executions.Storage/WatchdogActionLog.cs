using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Records the Watchdog's repeatable actions in <c>watchdog_actions</c>. Recording is the claim: it succeeds only when
/// the action was never taken for the execution or was last taken at least the repeat period ago, decided in one
/// statement, so two Watchdogs can never both act on the same execution within the period.
/// </summary>
public sealed class WatchdogActionLog(NpgsqlDataSource dataSource)
{
    /// <summary>How many times the action has now been taken, or null when it is not due yet.</summary>
    public async Task<int?> TryRecordAsync(Guid executionId, WatchdogAction action, TimeSpan repeatAfter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            insert into watchdog_actions as done (execution_id, action) values (@executionId, @action)
            on conflict (execution_id, action) do update set times = done.times + 1, last_acted_at = now()
            where done.last_acted_at <= now() - make_interval(secs => @repeatAfterSeconds)
            returning done.times
            """,
            new { executionId, action = DatabaseText.From(action), repeatAfterSeconds = repeatAfter.TotalSeconds },
            cancellationToken: cancellationToken));
    }
}
