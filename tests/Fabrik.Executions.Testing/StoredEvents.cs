using Npgsql;

namespace Fabrik.Executions.Testing;

/// <summary>What the database holds for an execution's output: rows, distinct counters, lowest and highest counter.</summary>
public sealed record StoredEvents(long Rows, long DistinctCounters, long MinCounter, long MaxCounter)
{
    public static async Task<StoredEvents> ReadAsync(IsolatedInfrastructure infrastructure, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
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
