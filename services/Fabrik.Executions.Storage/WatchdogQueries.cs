using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The executions the Watchdog looks for: those that stopped moving where no other service will notice.</summary>
public sealed class WatchdogQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Executions per non-terminal status (statuses without any are left out), from the partial status index.</summary>
    public async Task<IReadOnlyList<ActiveExecutionCount>> CountActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActiveExecutionCount>(new CommandDefinition(
            """
            select status, count(*) as count, extract(epoch from now() - min(created_at))::double precision as oldest_age_seconds
            from executions
            where status in ('pending', 'waiting', 'running')
            group by status
            """,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Executions launched in AWX more than <paramref name="olderThan"/> ago and not finished yet, oldest first.</summary>
    public async Task<IReadOnlyList<ActiveStream>> ListLaunchedLongerThanAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActiveStream>(new CommandDefinition(
            """
            select id as execution_id, awx_job_id, template_kind as kind
            from executions
            where status in ('waiting', 'running') and awx_job_id is not null
              and launched_at < now() - make_interval(secs => @seconds)
            order by created_at
            """,
            new { seconds = olderThan.TotalSeconds },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Executions in <c>pending</c> for longer than <paramref name="olderThan"/>: counted from the launch attempt when
    /// there was one, from creation otherwise. Oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionRecord>> ListPendingLongerThanAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExecutionRecord>(new CommandDefinition(
            $"""
            select {RecordColumns<ExecutionRecord>.List} from executions
            where status = 'pending'
              and coalesce(launch_attempted_at, created_at) < now() - make_interval(secs => @seconds)
            order by created_at
            """,
            new { seconds = olderThan.TotalSeconds },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Executions whose stream finished (terminal, with a final counter) more than <paramref name="olderThan"/> ago
    /// and whose finish was not followed up: results never stored, or a workflow's clone never removed from AWX.
    /// Oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ExecutionRecord>> ListUnsettledFinishesLongerThanAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExecutionRecord>(new CommandDefinition(
            $"""
            select {RecordColumns<ExecutionRecord>.List} from executions
            where final_counter is not null and awx_job_id is not null
              and status in ('successful', 'failed', 'error', 'canceled')
              and finished_at < now() - make_interval(secs => @seconds)
              and (results_source is null or (awx_workflow_clone_id is not null and clone_removed_at is null))
            order by finished_at
            """,
            new { seconds = olderThan.TotalSeconds },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
