using System.Runtime.CompilerServices;
using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// The read side of <c>executions</c> for lists, exports, stats and relaunch chains. Every filter is SQL. A page is
/// chosen on the <c>(created_at, id)</c> index first and only its rows are read whole, so a deep page costs an index
/// walk, not a read of every row before it.
/// </summary>
public sealed class ExecutionQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every column but AWX's job data and the template snapshot, which no list shows.</summary>
    private const string ListedColumns =
        """
        e.id, e.request_id, e.template_kind, e.template_id, e.template_name, e.extra_vars, e.limit_pattern, e.inventory_id,
        e.credential_ids, e.launched_by, e.status, e.status_explanation, e.awx_job_id, e.awx_job_url, e.progress_percentage,
        e.current_task, e.elapsed_seconds, e.artifacts, e.row_results, e.results_source, e.partial_success, e.relaunch_of,
        e.relaunch_count, e.relaunch_hosts, e.final_counter, e.complete, e.missing_counters, e.created_at, e.updated_at,
        e.launched_at, e.started_at, e.finished_at
        """;

    /// <summary>Deeper than any chain the relaunch cap allows; only guards the walk against a corrupted link.</summary>
    private const int MaxChainDepth = 100;

    /// <summary>The chain an execution belongs to: its original and every relaunch descending from it.</summary>
    private const string ChainCte =
        """
        with recursive ancestors as (
            select id, relaunch_of, 0 as depth from executions where id = @id
            union all
            select e.id, e.relaunch_of, a.depth + 1 from executions e join ancestors a on e.id = a.relaunch_of
            where a.depth < @maxDepth
        ),
        chain as (
            select id, 0 as depth from ancestors where relaunch_of is null
            union all
            select e.id, c.depth + 1 from executions e join chain c on e.relaunch_of = c.id where c.depth < @maxDepth
        )
        """;

    /// <summary>Newest first.</summary>
    public async Task<ExecutionPage> ListAsync(ExecutionFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var conditions = ExecutionFilterSql.From(filter);
        var parameters = conditions.ToDynamicParameters();
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            select count(*) from executions e where {conditions.Where};
            select {ListedColumns}
            from (select e.id, e.created_at from executions e where {conditions.Where}
                  order by e.created_at desc, e.id desc offset @offset limit @limit) as page
            join executions e on e.id = page.id
            order by page.created_at desc, page.id desc;
            """,
            parameters,
            cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var items = (await results.ReadAsync<ExecutionRecord>()).AsList();
        return new ExecutionPage(items, total);
    }

    /// <summary>Every execution the filter matches, newest first, read as the caller consumes them.</summary>
    public async IAsyncEnumerable<ExecutionRecord> StreamAsync(
        ExecutionFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var conditions = ExecutionFilterSql.From(filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ExecutionRecord>(
            $"select {ListedColumns} from executions e where {conditions.Where} order by e.created_at desc, e.id desc",
            conditions.ToDynamicParameters());
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<ExecutionStats> StatsAsync(ExecutionFilter filter, CancellationToken cancellationToken)
    {
        var conditions = ExecutionFilterSql.From(filter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<ExecutionStats>(new CommandDefinition(
            $"""
            select count(*) as total,
                   count(*) filter (where e.status = 'pending') as pending,
                   count(*) filter (where e.status = 'waiting') as waiting,
                   count(*) filter (where e.status = 'running') as running,
                   count(*) filter (where e.status = 'successful') as successful,
                   count(*) filter (where e.status = 'failed') as failed,
                   count(*) filter (where e.status = 'error') as error,
                   count(*) filter (where e.status = 'canceled') as canceled,
                   count(*) filter (where e.relaunch_of is not null) as relaunches,
                   count(*) filter (where e.partial_success) as partial_successes,
                   count(*) filter (where e.complete = false) as incomplete,
                   avg(e.elapsed_seconds) as average_elapsed_seconds,
                   min(e.created_at) as first_created_at,
                   max(e.created_at) as last_created_at
            from executions e where {conditions.Where}
            """,
            conditions.ToDynamicParameters(),
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The relaunch chain <paramref name="executionId"/> belongs to, from the original down, in relaunch order; null
    /// when there is no such execution.
    /// </summary>
    public async Task<ExecutionPage?> ChainAsync(Guid executionId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            {ChainCte} select count(*) from chain;
            {ChainCte} select {ListedColumns} from chain c join executions e on e.id = c.id
            order by e.relaunch_count, e.created_at, e.id offset @offset limit @limit;
            """,
            new { id = executionId, maxDepth = MaxChainDepth, offset, limit },
            cancellationToken: cancellationToken));
        var total = await results.ReadSingleAsync<long>();
        var items = (await results.ReadAsync<ExecutionRecord>()).AsList();
        return total == 0 ? null : new ExecutionPage(items, total);
    }
}
