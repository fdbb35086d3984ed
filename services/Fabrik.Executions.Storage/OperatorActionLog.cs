using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The audit record of operator actions (<c>operator_actions</c>): appended to, never changed.</summary>
public sealed class OperatorActionLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into operator_actions (action, execution_id, actor, actor_kind, actor_role, http_method, path, status_code)
            values (@Action, @ExecutionId, @Actor, @ActorKind, @ActorRole, @HttpMethod, @Path, @StatusCode)
            """,
            action,
            cancellationToken: cancellationToken));
    }
}
