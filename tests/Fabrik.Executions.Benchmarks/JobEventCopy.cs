using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// PostgreSQL's own fastest way in: binary COPY of job event rows, with the colourless stdout the poller stores beside
/// each, into a scratch copy of job_events.
/// </summary>
internal static class JobEventCopy
{
    private const string Table = "benchmark_job_events_copy";

    public static async Task<double> RateAsync(NpgsqlDataSource dataSource, IReadOnlyList<JobEventReceived> events, bool withTrigramIndex)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, $"drop table if exists {Table}; create table {Table} (like job_events including all)");
        if (!withTrigramIndex)
        {
            await using var find = new NpgsqlCommand($"select indexname from pg_indexes where tablename = '{Table}' and indexdef like '%gin_trgm_ops%'", connection);
            var index = (string)(await find.ExecuteScalarAsync() ?? throw new InvalidOperationException("job_events has no trigram index to leave out."));
            await ExecuteAsync(connection, $"drop index {index}");
        }

        var rate = await IngestBenchmark.RateAsync(events.Count, () => CopyAsync(connection, Table, events, events[0].JobId));
        await ExecuteAsync(connection, $"drop table {Table}");
        return rate;
    }

    /// <summary>
    /// The same COPY into job_events itself, as a job of its own under the events' execution: the table the poller
    /// stores into, with its foreign key to executions and the rows already there. The rows are deleted again.
    /// </summary>
    public static async Task<double> RateIntoJobEventsAsync(NpgsqlDataSource dataSource, IReadOnlyList<JobEventReceived> events, long scratchJobId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var rate = await IngestBenchmark.RateAsync(events.Count, () => CopyAsync(connection, "job_events", events, scratchJobId));
        await using var delete = new NpgsqlCommand("delete from job_events where execution_id = @e and job_id = @j", connection);
        delete.Parameters.AddWithValue("e", events[0].ExecutionId);
        delete.Parameters.AddWithValue("j", scratchJobId);
        await delete.ExecuteNonQueryAsync();
        return rate;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<JobEventReceived> events, long jobId)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {table} (execution_id, job_id, counter, event, uuid, parent_uuid, host, play, task, role, stdout, stdout_plain, start_line, end_line, failed, changed, created, event_data) from stdin (format binary)");
        foreach (var e in events)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(e.ExecutionId, NpgsqlDbType.Uuid);
            await writer.WriteAsync(jobId, NpgsqlDbType.Bigint);
            await writer.WriteAsync(e.Counter, NpgsqlDbType.Bigint);
            await writer.WriteAsync(e.Event, NpgsqlDbType.Text);
            await writer.WriteAsync(e.Uuid, NpgsqlDbType.Text);
            await writer.WriteAsync(e.ParentUuid, NpgsqlDbType.Text);
            await WriteNullableAsync(writer, e.Host);
            await WriteNullableAsync(writer, e.Play);
            await WriteNullableAsync(writer, e.Task);
            await WriteNullableAsync(writer, e.Role);
            await writer.WriteAsync(e.Stdout, NpgsqlDbType.Text);
            await writer.WriteAsync(AnsiEscapes.Strip(e.Stdout), NpgsqlDbType.Text);
            await writer.WriteAsync(e.StartLine, NpgsqlDbType.Integer);
            await writer.WriteAsync(e.EndLine, NpgsqlDbType.Integer);
            await writer.WriteAsync(e.Failed, NpgsqlDbType.Boolean);
            await writer.WriteAsync(e.Changed, NpgsqlDbType.Boolean);
            await writer.WriteAsync(e.Created.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(e.EventData.GetRawText(), NpgsqlDbType.Jsonb);
        }

        await writer.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlDbType.Text);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
