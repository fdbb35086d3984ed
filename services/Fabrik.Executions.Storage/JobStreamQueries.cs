using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>Read-only questions about an execution's AWX jobs (<c>job_streams</c>) for the services that show output rather than copy it.</summary>
public sealed class JobStreamQueries(NpgsqlDataSource dataSource)
{
    /// <summary>The AWX jobs whose events the execution holds, lowest first: one for a job, one per node job for a workflow.</summary>
    public async Task<IReadOnlyList<long>> ListJobIdsAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var jobIds = await connection.QueryAsync<long>(new CommandDefinition(
            "select job_id from job_streams where execution_id = @executionId order by job_id",
            new { executionId },
            cancellationToken: cancellationToken));
        return jobIds.AsList();
    }

    /// <summary>
    /// Whether the execution holds events of the AWX job or a node of its workflow ran it. Its own job (for a workflow,
    /// the workflow job) the caller knows from the execution.
    /// </summary>
    public async Task<bool> HasJobAsync(Guid executionId, long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            select exists (select 1 from job_streams where execution_id = @executionId and job_id = @jobId)
                or exists (select 1 from workflow_nodes where execution_id = @executionId and job_id = @jobId)
            """,
            new { executionId, jobId },
            cancellationToken: cancellationToken));
    }
}
