using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Records cancels on <c>executions</c>: who asked and when (<c>cancel_requested_by</c>, <c>cancel_requested_at</c>,
/// the first request kept), and the one status change a cancel makes itself, of an execution no launch has claimed.
/// Every statement is conditional on the state it expects, so a cancel racing the launch never loses to it silently.
/// </summary>
public sealed class CancelRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Cancels an execution still pending and unclaimed; null when it was not (a launch claimed it first, or it
    /// ended). The launch claim only takes pending executions, so a canceled one is never launched.
    /// </summary>
    public async Task<StatusTransition?> CancelUnlaunchedAsync(Guid id, string requestedBy, string explanation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusTransition>(new CommandDefinition(
            """
            update executions
            set status = 'canceled', status_explanation = @explanation, cancel_requested_by = @requestedBy,
                cancel_requested_at = now(), finished_at = now(), updated_at = now()
            where id = @id and status = 'pending' and launch_attempted_at is null
            returning id as execution_id, 'pending' as previous, status as current, awx_job_id, updated_at as changed_at
            """,
            new { id, requestedBy, explanation },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a cancel of an execution whose launch is under way but whose AWX job is not recorded yet, for the
    /// launch to pass on once it is; false when the job was recorded (or the execution ended) first.
    /// </summary>
    public async Task<bool> RecordBeforeJobAsync(Guid id, string requestedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions
            set cancel_requested_by = coalesce(cancel_requested_by, @requestedBy),
                cancel_requested_at = coalesce(cancel_requested_at, now()), updated_at = now()
            where id = @id and status = 'pending' and awx_job_id is null
            """,
            new { id, requestedBy },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Records a cancel AWX accepted, whatever status the execution has reached meanwhile.</summary>
    public async Task RecordAsync(Guid id, string requestedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions
            set cancel_requested_by = coalesce(cancel_requested_by, @requestedBy),
                cancel_requested_at = coalesce(cancel_requested_at, now()), updated_at = now()
            where id = @id
            """,
            new { id, requestedBy },
            cancellationToken: cancellationToken));
    }
}
