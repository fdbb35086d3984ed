using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Finds and deletes expired executions. A relaunch chain (an original and every relaunch below it) is kept or deleted
/// as a whole: it expires only once every member is terminal, in a retained status and finished before the cutoff, so
/// an old original is never deleted while a recent relaunch still refers to it, and an operator can always follow a
/// kept execution's chain back to its original.
/// </summary>
public sealed class RetentionQueries(NpgsqlDataSource dataSource)
{
    private static readonly string[] TerminalStatuses = DatabaseText.From(
        Enum.GetValues<ExecutionStatus>().Where(status => status.IsTerminal()));

    /// <summary>The expired executions, oldest chain first, relaunches before the executions they relaunched.</summary>
    public async Task<IReadOnlyList<ExpiredExecution>> ListExpiredAsync(RetentionPolicy policy, CancellationToken cancellationToken)
    {
        var statuses = DatabaseText.From(policy.Statuses).Intersect(TerminalStatuses).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExpiredExecution>(new CommandDefinition(
            """
            with recursive chain as (
                select id, id as chain_id from executions where relaunch_of is null
                union all
                select e.id, c.chain_id from executions e join chain c on e.relaunch_of = c.id
            ),
            chains as (
                select c.chain_id,
                       max(e.created_at) as newest_created_at,
                       max(coalesce(e.finished_at, e.updated_at)) as last_finished_at,
                       bool_and(e.status = any(@statuses)) as all_expirable
                from chain c join executions e on e.id = c.id
                group by c.chain_id
            ),
            ranked as (
                select ch.*, row_number() over (
                    partition by original.template_kind, original.template_id
                    order by ch.newest_created_at desc, ch.chain_id desc) as recency
                from chains ch join executions original on original.id = ch.chain_id
            ),
            expired as (
                select chain_id, last_finished_at from ranked
                where all_expirable and last_finished_at < @finishedBefore and recency > @keep
                order by last_finished_at, chain_id
                limit @maxChains
            )
            select e.id, x.chain_id, e.template_kind, e.template_id, e.template_name, e.status, e.relaunch_count,
                   e.created_at, e.finished_at
            from expired x
            join chain c on c.chain_id = x.chain_id
            join executions e on e.id = c.id
            order by x.last_finished_at, x.chain_id, e.relaunch_count desc, e.created_at desc
            """,
            new { statuses, finishedBefore = policy.FinishedBefore, keep = policy.KeepLastPerTemplate, maxChains = policy.MaxChains },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Deletes the output of <paramref name="chain"/>'s executions, at most <paramref name="batchSize"/> events per
    /// statement, each statement its own short transaction so live streaming never waits on it, then the executions
    /// themselves (their other rows cascade). Returns the events deleted, or null when the chain was kept: an execution
    /// outside it relaunched one of its members since it was listed.
    /// </summary>
    public async Task<long?> DeleteChainAsync(IReadOnlyCollection<Guid> chain, int batchSize, TimeSpan pauseBetweenBatches, CancellationToken cancellationToken)
    {
        var ids = chain.ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await StillDeletableAsync(connection, ids, cancellationToken))
        {
            return null;
        }

        long events = 0;
        while (true)
        {
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                """
                delete from job_events j
                using (select execution_id, job_id, counter from job_events where execution_id = any(@ids) limit @batchSize) batch
                where j.execution_id = batch.execution_id and j.job_id = batch.job_id and j.counter = batch.counter
                """,
                new { ids, batchSize },
                cancellationToken: cancellationToken));
            events += deleted;
            if (deleted < batchSize)
            {
                break;
            }

            await Task.Delay(pauseBetweenBatches, cancellationToken);
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "delete from executions where id = any(@ids) and status = any(@terminal)",
                new { ids, terminal = TerminalStatuses },
                cancellationToken: cancellationToken));
            return events;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // A relaunch of a member was created after the check: the chain stays, without the output already deleted.
            return null;
        }
    }

    private static async Task<bool> StillDeletableAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            select (select count(*) from executions where id = any(@ids) and status = any(@terminal)) = cardinality(@ids)
               and not exists (select 1 from executions where relaunch_of = any(@ids) and id <> all(@ids))
            """,
            new { ids, terminal = TerminalStatuses },
            cancellationToken: cancellationToken));
}
