using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.Benchmarks;

/// <summary>What the database says about the benchmark's executions: the system's truth, read without going through it.</summary>
internal sealed class StoredExecutions(string postgres)
{
    public static readonly TimeSpan LongWait = TimeSpan.FromMinutes(15);

    /// <summary>The AWX job of each execution, once the Launcher has launched them all.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> AwxJobIdsAsync(IReadOnlyCollection<Guid> executions)
    {
        Dictionary<Guid, long>? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                found = [];
                await using var connection = await OpenAsync();
                await using var command = new NpgsqlCommand("select id, awx_job_id from executions where id = any(@ids) and awx_job_id is not null", connection);
                command.Parameters.AddWithValue("ids", executions.ToArray());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    found[reader.GetGuid(0)] = reader.GetInt64(1);
                }

                return found.Count == executions.Count;
            },
            $"all {executions.Count} executions to have their AWX job",
            LongWait);
        return found!;
    }

    /// <summary>Waits until a poller has finished every one of <paramref name="executions"/> (final counter recorded).</summary>
    public Task WaitUntilFinishedAsync(IReadOnlyCollection<Guid> executions) =>
        Eventually.TrueAsync(
            async () => await ScalarAsync<long>("select count(*) from executions where id = any(@ids) and final_counter is not null", executions) == executions.Count,
            $"all {executions.Count} executions to finish",
            LongWait);

    /// <summary>Waits until the ResultParser has stored the results of every one of <paramref name="executions"/>.</summary>
    public Task WaitUntilResultsParsedAsync(IReadOnlyCollection<Guid> executions) =>
        Eventually.TrueAsync(
            async () => await ScalarAsync<long>("select count(*) from executions where id = any(@ids) and results_source is not null", executions) == executions.Count,
            $"the results of all {executions.Count} executions to be parsed",
            LongWait);

    /// <summary>The highest counter published without a gap, for one execution.</summary>
    public Task<long> PublishedWatermarkAsync(Guid execution) =>
        ScalarAsync<long>("select coalesce(max(published_watermark), 0) from job_streams where execution_id = any(@ids)", [execution]);

    /// <summary>Executions running now: the benchmark's database holds only its own.</summary>
    public async Task<long> RunningCountAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from executions where status = 'running'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Executions a poller should hold now (waiting or running).</summary>
    public async Task<Guid[]> ActiveAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select id from executions where status in ('waiting', 'running')", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    public Task<DateTime> FirstStoredAtAsync(Guid execution) =>
        ScalarAsync<DateTime>("select min(stored_at) from job_events where execution_id = any(@ids)", [execution]);

    /// <summary>Bytes the job_events table and its indexes take per stored event.</summary>
    public async Task<double> BytesPerEventAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "select pg_total_relation_size('job_events')::float8 / greatest(count(*), 1) from job_events", connection);
        return (double)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Percentiles of the time from an event's creation in AWX to its row, for events stored in the last <paramref name="window"/>.</summary>
    public async Task<(double P50, double P99, long Events)> StoreLagAsync(IReadOnlyCollection<Guid> executions, TimeSpan window)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select coalesce(percentile_cont(0.5) within group (order by lag), 0),
                   coalesce(percentile_cont(0.99) within group (order by lag), 0),
                   count(*)
            from (select extract(epoch from stored_at - created) * 1000 as lag
                  from job_events where execution_id = any(@ids) and stored_at > now() - @window) as recent
            """,
            connection);
        command.Parameters.AddWithValue("ids", executions.ToArray());
        command.Parameters.AddWithValue("window", window);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetInt64(2));
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql, IReadOnlyCollection<Guid> executions)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", executions.ToArray());
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
