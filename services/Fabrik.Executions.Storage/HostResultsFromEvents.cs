using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Per-host outcomes counted from the stored runner events, for an execution whose results are not parsed yet: what
/// each host has done so far, the way Ansible's stats count it (a changed task is also ok; ignored failures are not
/// failures).
/// </summary>
public sealed class HostResultsFromEvents(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<HostResult>> CountAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<HostResult>(new CommandDefinition(
            """
            select host,
                   case when unreachable > 0 then 'unreachable' when failed > 0 then 'failed' when changed > 0 then 'changed'
                        when ok = 0 and skipped > 0 then 'skipped' else 'ok' end as status,
                   ok, changed, failed, unreachable, skipped
            from (
                select host,
                       count(*) filter (where event = 'runner_on_ok')::int as ok,
                       count(*) filter (where event = 'runner_on_ok' and changed)::int as changed,
                       count(*) filter (where event = 'runner_on_failed'
                                          and coalesce(event_data ->> 'ignore_errors', '') <> 'true')::int as failed,
                       count(*) filter (where event = 'runner_on_unreachable')::int as unreachable,
                       count(*) filter (where event = 'runner_on_skipped')::int as skipped
                from job_events
                where execution_id = @executionId and host is not null and host <> ''
                group by host) as counts
            order by host
            """,
            new { executionId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
