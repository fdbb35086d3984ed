using Fabrik.Executions.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Fabrik.Executions.Storage;

/// <summary>
/// A page of events as one idempotent insert: one array parameter per column, unnested by PostgreSQL, so a page of any
/// size is one statement. Answers the counters that were new.
/// </summary>
public static class JobEventRows
{
    public static NpgsqlBatchCommand Insert(Guid executionId, long jobId, IReadOnlyList<JobEventReceived> events)
    {
        var insert = new NpgsqlBatchCommand(
            """
            insert into job_events (execution_id, job_id, counter, event, uuid, parent_uuid, host, play, task, role,
                                    stdout, stdout_plain, start_line, end_line, failed, changed, created, event_data)
            select @e, @j, r.* from unnest(@counter, @event, @uuid, @parent_uuid, @host, @play, @task, @role,
                                           @stdout, @stdout_plain, @start_line, @end_line, @failed, @changed, @created, @event_data) as r
            on conflict do nothing
            returning counter
            """);
        var parameters = insert.Parameters;
        parameters.AddWithValue("e", executionId);
        parameters.AddWithValue("j", jobId);
        parameters.AddWithValue("counter", Column(events, e => e.Counter));
        parameters.AddWithValue("event", Column(events, e => e.Event));
        parameters.AddWithValue("uuid", Column(events, e => e.Uuid));
        parameters.AddWithValue("parent_uuid", Column(events, e => e.ParentUuid));
        parameters.AddWithValue("host", Column(events, e => e.Host));
        parameters.AddWithValue("play", Column(events, e => e.Play));
        parameters.AddWithValue("task", Column(events, e => e.Task));
        parameters.AddWithValue("role", Column(events, e => e.Role));
        parameters.AddWithValue("stdout", Column(events, e => e.Stdout));
        parameters.AddWithValue("stdout_plain", Column(events, e => AnsiEscapes.Strip(e.Stdout)));
        parameters.AddWithValue("start_line", Column(events, e => e.StartLine));
        parameters.AddWithValue("end_line", Column(events, e => e.EndLine));
        parameters.AddWithValue("failed", Column(events, e => e.Failed));
        parameters.AddWithValue("changed", Column(events, e => e.Changed));
        parameters.AddWithValue("created", Column(events, e => e.Created.ToUniversalTime()));
        parameters.Add(new NpgsqlParameter("event_data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            Value = Column(events, e => e.EventData.GetRawText()),
        });
        return insert;
    }

    private static T[] Column<T>(IReadOnlyList<JobEventReceived> events, Func<JobEventReceived, T> field)
    {
        var column = new T[events.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = field(events[i]);
        }

        return column;
    }
}
