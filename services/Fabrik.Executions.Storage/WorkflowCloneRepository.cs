using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The Launcher's record of each workflow execution's ephemeral AWX clone, from its copy to its removal.</summary>
public sealed class WorkflowCloneRepository(NpgsqlDataSource dataSource)
{
    public async Task RecordCloneAsync(Guid executionId, int cloneId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update executions set awx_workflow_clone_id = @cloneId, updated_at = now() where id = @executionId",
            new { executionId, cloneId },
            cancellationToken: cancellationToken));
    }

    public async Task MarkRemovedAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "update executions set clone_removed_at = coalesce(clone_removed_at, now()), updated_at = now() where id = @executionId",
            new { executionId },
            cancellationToken: cancellationToken));
    }
}
