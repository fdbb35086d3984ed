using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The audit record of operator actions (<c>operator_actions</c>): appended to, never changed.</summary>
public sealed class OperatorActionLog(NpgsqlDataSource dataSource)
{
    /// <summary>Appends one row per execution the action acted on, in one statement.</summary>
    public async Task RecordAsync(OperatorAction action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into operator_actions (action, execution_id, actor, actor_kind, actor_role, http_method, path, status_code)
            select @Action, execution_id, @Actor, @ActorKind, @ActorRole, @HttpMethod, @Path, @StatusCode
            from unnest(@ExecutionIds) as execution_id
            """,
            new
            {
                action.Action,
                ExecutionIds = action.ExecutionIds.ToArray(),
                action.Actor,
                action.ActorKind,
                action.ActorRole,
                action.HttpMethod,
                action.Path,
                action.StatusCode,
            },
            cancellationToken: cancellationToken));
    }
}
