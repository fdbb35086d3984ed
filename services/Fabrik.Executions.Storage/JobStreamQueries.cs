using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>Read-only questions about <c>job_streams</c> for the services that show output rather than copy it.</summary>
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
}
