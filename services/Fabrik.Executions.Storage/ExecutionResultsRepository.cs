using System.Text.Json;
using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// The ResultParser's fields of <c>executions</c> (<c>awx_job_data</c>, <c>artifacts</c>, <c>row_results</c>,
/// <c>results_source</c>, <c>partial_success</c>, <c>elapsed_seconds</c>), and the stored stats event it may parse
/// them from. <c>row_results</c> holds <see cref="HostResult"/>s in snake_case, the shape playbooks write in their
/// artifacts: <c>[{"host", "status", "ok", "changed", "failed", "unreachable", "skipped"}]</c>.
/// </summary>
public sealed class ExecutionResultsRepository(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions RowResultsJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Overwrites the results as a whole, so storing the same results again leaves the same row; false when there is no such execution.</summary>
    public async Task<bool> StoreAsync(ExecutionResultsUpdate results, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions
            set awx_job_data = @AwxJobDataJson::jsonb, artifacts = @ArtifactsJson::jsonb, row_results = @RowResultsJson::jsonb,
                results_source = @Source, partial_success = @PartialSuccess, elapsed_seconds = @ElapsedSeconds, updated_at = now()
            where id = @ExecutionId
            """,
            new
            {
                results.ExecutionId,
                results.AwxJobDataJson,
                results.ArtifactsJson,
                RowResultsJson = JsonSerializer.Serialize(results.Hosts, RowResultsJson),
                Source = DatabaseText.From(results.Source),
                results.PartialSuccess,
                results.ElapsedSeconds,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The stored per-host results; null until the execution's results are parsed.</summary>
    public async Task<IReadOnlyList<HostResult>?> ReadHostResultsAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "select row_results::text from executions where id = @executionId",
            new { executionId },
            cancellationToken: cancellationToken));
        return json is null ? null : JsonSerializer.Deserialize<List<HostResult>>(json, RowResultsJson);
    }

    /// <summary>The <c>event_data</c> of the job's stored <c>playbook_on_stats</c> event, if one is stored.</summary>
    public async Task<JsonElement?> FindPlaybookStatsAsync(Guid executionId, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            """
            select event_data::text from job_events
            where execution_id = @executionId and job_id = @jobId and event = 'playbook_on_stats'
            order by counter desc
            limit 1
            """,
            new { executionId, jobId },
            cancellationToken: cancellationToken));
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
