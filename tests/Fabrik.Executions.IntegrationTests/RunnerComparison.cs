using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>Compares events as ansible-runner wrote them with the rows the pipeline stored.</summary>
internal static class RunnerComparison
{
    public sealed record Row(long Counter, string Event, string Uuid, string ParentUuid, string Stdout, int StartLine, int EndLine, DateTimeOffset Created, JsonElement EventData);

    public static async Task<IReadOnlyList<Row>> ReadStoredAsync(Pipeline pipeline, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select counter, event, uuid, parent_uuid, stdout, start_line, end_line, created, event_data::text from job_events where execution_id = @id order by counter",
            connection);
        command.Parameters.AddWithValue("id", executionId);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetInt32(6), await reader.GetFieldValueAsync<DateTimeOffset>(7), JsonDocument.Parse(reader.GetString(8)).RootElement));
        }

        return rows;
    }

    public static void AssertSame(JsonElement written, Row stored)
    {
        var counter = written.GetProperty("counter").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Event, Is.EqualTo(written.GetProperty("event").GetString()), $"event of {counter}");
            Assert.That(stored.Uuid, Is.EqualTo(written.GetProperty("uuid").GetString()), $"uuid of {counter}");
            Assert.That(stored.ParentUuid, Is.EqualTo(written.TryGetProperty("parent_uuid", out var parent) ? parent.GetString() ?? "" : ""), $"parent_uuid of {counter}");
            Assert.That(stored.Stdout, Is.EqualTo(written.GetProperty("stdout").GetString()), $"stdout of {counter}");
            Assert.That(stored.StartLine, Is.EqualTo(written.GetProperty("start_line").GetInt32()), $"start_line of {counter}");
            Assert.That(stored.EndLine, Is.EqualTo(written.GetProperty("end_line").GetInt32()), $"end_line of {counter}");
            // ansible-runner writes naive UTC; AWX serves the same instant with a Z.
            var created = DateTime.Parse(written.GetProperty("created").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            Assert.That(stored.Created.UtcDateTime, Is.EqualTo(created), $"created of {counter}");
            Assert.That(JsonElement.DeepEquals(stored.EventData, written.GetProperty("event_data")), Is.True, $"event_data of {counter}");
        });
    }
}
