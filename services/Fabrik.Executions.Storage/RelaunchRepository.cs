using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>Creates relaunches in <c>executions</c>: one row per proposed id, however often it is asked for.</summary>
public sealed class RelaunchRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Creates the relaunch, copying the request's input from the execution it relaunches in the same statement, or
    /// returns the execution already stored under the proposed id; null when the relaunched execution does not exist.
    /// </summary>
    public async Task<(ExecutionRecord Execution, bool Created)?> CreateAsync(NewRelaunch relaunch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = await connection.QuerySingleOrDefaultAsync<ExecutionRecord>(new CommandDefinition(
            $"""
            insert into executions (id, request_id, template_kind, template_id, template_name, template_snapshot, extra_vars,
                                    limit_pattern, inventory_id, credential_ids, launched_by, relaunch_of, relaunch_count,
                                    relaunch_hosts, relaunch_from_node)
            select @Id, original.request_id, original.template_kind, original.template_id, original.template_name,
                   original.template_snapshot, coalesce(@ExtraVarsJson::jsonb, original.extra_vars), @LimitPattern, original.inventory_id,
                   original.credential_ids, @LaunchedBy, original.id, original.relaunch_count + 1, @Hosts, @FromNode
            from executions original
            where original.id = @RelaunchOf
            on conflict (id) do nothing
            returning {RecordColumns<ExecutionRecord>.List}
            """,
            new
            {
                relaunch.Id,
                relaunch.RelaunchOf,
                relaunch.LimitPattern,
                relaunch.LaunchedBy,
                Hosts = DatabaseText.From(relaunch.Hosts),
                relaunch.ExtraVarsJson,
                relaunch.FromNode,
            },
            cancellationToken: cancellationToken));
        if (created is not null)
        {
            return (created, true);
        }

        var existing = await connection.QuerySingleOrDefaultAsync<ExecutionRecord>(new CommandDefinition(
            $"select {RecordColumns<ExecutionRecord>.List} from executions where id = @Id", new { relaunch.Id }, cancellationToken: cancellationToken));
        return existing is null ? null : (existing, false);
    }
}
