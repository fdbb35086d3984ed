using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>Reads and advances <c>job_streams</c>, the database's record of each stream's progress.</summary>
public sealed class JobStreamRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The stream's state; a stream never stored to starts at zero.</summary>
    public async Task<JobStreamState> GetAsync(Guid executionId, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<JobStreamState>(new CommandDefinition(
                   $"select {RecordColumns<JobStreamState>.List} from job_streams where execution_id = @executionId and job_id = @jobId",
                   new { executionId, jobId },
                   cancellationToken: cancellationToken))
               ?? new JobStreamState { ExecutionId = executionId, JobId = jobId };
    }

    /// <summary>Records that every stored event up to <paramref name="watermark"/> has been published.</summary>
    public async Task MarkPublishedAsync(Guid executionId, long jobId, long watermark, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update job_streams set published_watermark = greatest(published_watermark, least(@watermark, watermark)), updated_at = now()
            where execution_id = @executionId and job_id = @jobId
            """,
            new { executionId, jobId, watermark },
            cancellationToken: cancellationToken));
    }

    public async Task MarkFinishedAsync(Guid executionId, long jobId, long finalCounter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into job_streams (execution_id, job_id, final_counter, finished_at) values (@executionId, @jobId, @finalCounter, now())
            on conflict (execution_id, job_id) do update set final_counter = @finalCounter, finished_at = coalesce(job_streams.finished_at, now()), updated_at = now()
            """,
            new { executionId, jobId, finalCounter },
            cancellationToken: cancellationToken));
    }
}
