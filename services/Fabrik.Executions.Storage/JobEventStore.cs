using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Stores AWX job events, one row per (execution, job, counter), and keeps each job stream's watermark: the highest
/// counter with every counter below it stored. A batch is one round trip: the stream's row, the rows and the watermark
/// they move, in one implicit transaction; inserting an event twice is a no-op.
/// </summary>
public sealed class JobEventStore(NpgsqlDataSource dataSource)
{
    public async Task<StoredBatch> StoreAsync(
        Guid executionId, long jobId, IReadOnlyList<JobEventReceived> events, CancellationToken cancellationToken)
    {
        // One batch is one round trip and, without an explicit transaction, one implicit transaction: the rows and the
        // watermark they move commit together or not at all.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(StreamRow(executionId, jobId));
        if (events.Count > 0)
        {
            batch.BatchCommands.Add(JobEventRows.Insert(executionId, jobId, events));
        }

        batch.BatchCommands.Add(AdvanceWatermark(executionId, jobId, events));

        var insertedCounters = new HashSet<long>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (events.Count > 0)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                insertedCounters.Add(reader.GetInt64(0));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        await reader.ReadAsync(cancellationToken);
        var watermark = reader.GetInt64(0);
        var maxCounter = reader.GetInt64(1);
        return new StoredBatch(events.Where(e => insertedCounters.Contains(e.Counter)).ToList(), watermark, maxCounter);
    }

    /// <summary>Events of one job after <paramref name="afterCounter"/>, in counter order.</summary>
    public async Task<IReadOnlyList<JobEventReceived>> ReadAfterAsync(
        Guid executionId, long jobId, long afterCounter, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {JobEventColumns.Select} from job_events
            where execution_id = @e and job_id = @j and counter > @after
            order by counter
            limit @limit
            """);
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        command.Parameters.AddWithValue("after", afterCounter);
        command.Parameters.AddWithValue("limit", limit);
        return await JobEventColumns.ReadAllAsync(command, cancellationToken);
    }

    public async Task<StreamProgress> ReadProgressAsync(Guid executionId, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleAsync<StreamProgress>(new CommandDefinition(
            """
            select
                (select count(*)::int from job_events
                 where execution_id = @executionId and job_id = @jobId and event = 'playbook_on_task_start') as task_starts,
                coalesce(last_task.counter, 0) as current_task_counter,
                last_task.task as current_task,
                exists (select 1 from job_events
                        where execution_id = @executionId and job_id = @jobId and event = 'playbook_on_stats') as stats_seen
            from (select 1) as one
            left join lateral (
                select counter, task from job_events
                where execution_id = @executionId and job_id = @jobId and event = 'playbook_on_task_start'
                order by counter desc limit 1) as last_task on true
            """,
            new { executionId, jobId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Counters between the watermark and the highest stored one that are not stored yet, lowest first.</summary>
    public async Task<IReadOnlyList<long>> FindMissingCountersAsync(
        Guid executionId, long jobId, long upTo, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select missing from generate_series(
                (select watermark + 1 from job_streams where execution_id = @e and job_id = @j), @upTo) as missing
            where not exists (select 1 from job_events where execution_id = @e and job_id = @j and counter = missing)
            order by missing
            limit @limit
            """);
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        command.Parameters.AddWithValue("upTo", upTo);
        command.Parameters.AddWithValue("limit", limit);
        var missing = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetInt64(0));
        }

        return missing;
    }

    /// <summary>Sets the failed and changed flags AWX settles on parent events once the playbook's stats are in.</summary>
    public async Task<int> UpdateOutcomeFlagsAsync(
        Guid executionId, long jobId, IReadOnlyList<(long Counter, bool Failed, bool Changed)> flags, CancellationToken cancellationToken)
    {
        if (flags.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(
            """
            update job_events e set failed = f.failed, changed = f.changed
            from unnest(@counters, @failed, @changed) as f(counter, failed, changed)
            where e.execution_id = @e and e.job_id = @j and e.counter = f.counter
              and (e.failed, e.changed) is distinct from (f.failed, f.changed)
            """);
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        command.Parameters.AddWithValue("counters", flags.Select(f => f.Counter).ToArray());
        command.Parameters.AddWithValue("failed", flags.Select(f => f.Failed).ToArray());
        command.Parameters.AddWithValue("changed", flags.Select(f => f.Changed).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand StreamRow(Guid executionId, long jobId)
    {
        var command = new NpgsqlBatchCommand("insert into job_streams (execution_id, job_id) values (@e, @j) on conflict do nothing");
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        return command;
    }

    /// <summary>
    /// Moves the watermark over the counters now stored. A page that runs without a gap from the watermark, with nothing
    /// stored above it, is the new watermark at once (the usual case); otherwise the stored counters above the watermark
    /// are read to find the first gap. Reading them on every page was a scan whose plan PostgreSQL chose from the
    /// statistics: for an execution younger than them it walked every row the execution had, each page.
    /// </summary>
    private static NpgsqlBatchCommand AdvanceWatermark(Guid executionId, long jobId, IReadOnlyList<JobEventReceived> events)
    {
        var (first, last) = ConsecutiveRun(events);
        var command = new NpgsqlBatchCommand(
            """
            with stream as (
                select watermark, max_counter from job_streams where execution_id = @e and job_id = @j for update
            ),
            above as (
                select counter, row_number() over (order by counter) as position
                from job_events
                where execution_id = @e and job_id = @j and counter > (select watermark from stream)
            )
            update job_streams
            set watermark = case
                    when @first <= (select watermark from stream) + 1 and (select max_counter from stream) <= @last
                        then greatest((select watermark from stream), @last)
                    else coalesce((select max(counter) from above where counter = (select watermark from stream) + position),
                                  (select watermark from stream))
                end,
                max_counter = greatest(max_counter, @maxCounter),
                updated_at = now()
            where execution_id = @e and job_id = @j
            returning watermark, max_counter
            """);
        command.Parameters.AddWithValue("e", executionId);
        command.Parameters.AddWithValue("j", jobId);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("maxCounter", events.Count == 0 ? 0L : events.Max(e => e.Counter));
        return command;
    }

    /// <summary>The page's counters as one run without a gap, or a run no watermark reaches when they are not one.</summary>
    private static (long First, long Last) ConsecutiveRun(IReadOnlyList<JobEventReceived> events)
    {
        var counters = events.Select(e => e.Counter).Distinct().ToList();
        if (counters.Count == 0)
        {
            return (long.MaxValue, long.MaxValue);
        }

        var (first, last) = (counters.Min(), counters.Max());
        return last - first + 1 == counters.Count ? (first, last) : (long.MaxValue, long.MaxValue);
    }
}
