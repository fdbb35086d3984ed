using Npgsql;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>What the database holds for an execution's output.</summary>
internal sealed record StoredEvents(long Rows, long DistinctCounters, long MinCounter, long MaxCounter)
{
    public static async Task<StoredEvents> ReadAsync(Pipeline pipeline, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*), count(distinct counter), coalesce(min(counter), 0), coalesce(max(counter), 0) from job_events where execution_id = @id",
            connection);
        command.Parameters.AddWithValue("id", executionId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredEvents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
