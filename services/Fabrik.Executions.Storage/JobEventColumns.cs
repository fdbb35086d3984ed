using System.Text.Json;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The one mapping between a <c>job_events</c> row and the <see cref="JobEventReceived"/> it carries.</summary>
internal static class JobEventColumns
{
    public const string Select =
        "execution_id, job_id, counter, event, uuid, parent_uuid, host, play, task, role, stdout, start_line, end_line, failed, changed, created, event_data::text";

    public static JobEventReceived Read(NpgsqlDataReader reader)
    {
        using var eventData = JsonDocument.Parse(reader.GetString(16));
        return new JobEventReceived
        {
            ExecutionId = reader.GetGuid(0),
            JobId = reader.GetInt64(1),
            Counter = reader.GetInt64(2),
            Event = reader.GetString(3),
            Uuid = reader.GetString(4),
            ParentUuid = reader.GetString(5),
            Host = reader.IsDBNull(6) ? null : reader.GetString(6),
            Play = reader.IsDBNull(7) ? null : reader.GetString(7),
            Task = reader.IsDBNull(8) ? null : reader.GetString(8),
            Role = reader.IsDBNull(9) ? null : reader.GetString(9),
            Stdout = reader.GetString(10),
            StartLine = reader.GetInt32(11),
            EndLine = reader.GetInt32(12),
            Failed = reader.GetBoolean(13),
            Changed = reader.GetBoolean(14),
            Created = reader.GetFieldValue<DateTimeOffset>(15),
            EventData = eventData.RootElement.Clone(),
        };
    }

    public static async Task<List<JobEventReceived>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<JobEventReceived>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }
}
