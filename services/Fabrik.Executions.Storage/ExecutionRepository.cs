using Dapper;
using Fabrik.Executions.Contracts;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Reads and writes <c>executions</c>. Every status change is a conditional update (from the statuses it may leave),
/// so a redelivered or reordered message can never move an execution backwards or twice.
/// </summary>
public sealed class ExecutionRepository(NpgsqlDataSource dataSource)
{
    private static readonly string[] ActiveStatuses =
        DatabaseText.From([ExecutionStatus.Pending, ExecutionStatus.Waiting, ExecutionStatus.Running]);

    /// <summary>Creates the execution, or returns the one already created for the same request.</summary>
    public async Task<(ExecutionRecord Execution, bool Created)> CreateAsync(NewExecution execution, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = await connection.QuerySingleOrDefaultAsync<ExecutionRecord>(new CommandDefinition(
            $"""
            insert into executions (id, request_id, template_kind, template_id, template_name, extra_vars,
                                    limit_pattern, inventory_id, credential_ids, launched_by)
            values (@Id, @RequestId, @Kind, @TemplateId, @TemplateName, @ExtraVarsJson::jsonb,
                    @LimitPattern, @InventoryId, @CredentialIds, @LaunchedBy)
            on conflict (request_id) where relaunch_of is null do nothing
            returning {RecordColumns<ExecutionRecord>.List}
            """,
            new
            {
                execution.Id,
                execution.RequestId,
                Kind = DatabaseText.From(execution.Template.Kind),
                TemplateId = execution.Template.Id,
                TemplateName = execution.Template.Name,
                execution.ExtraVarsJson,
                execution.LimitPattern,
                execution.InventoryId,
                CredentialIds = execution.CredentialIds.ToArray(),
                execution.LaunchedBy,
            },
            cancellationToken: cancellationToken));
        if (created is not null)
        {
            return (created, true);
        }

        var existing = await connection.QuerySingleAsync<ExecutionRecord>(new CommandDefinition(
            $"select {RecordColumns<ExecutionRecord>.List} from executions where request_id = @RequestId and relaunch_of is null",
            new { execution.RequestId },
            cancellationToken: cancellationToken));
        return (existing, false);
    }

    public async Task<ExecutionRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ExecutionRecord>(new CommandDefinition(
            $"select {RecordColumns<ExecutionRecord>.List} from executions where id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The executions of <paramref name="ids"/> that exist, in no particular order, read in one query.</summary>
    public async Task<IReadOnlyList<ExecutionRecord>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ExecutionRecord>(new CommandDefinition(
            $"select {RecordColumns<ExecutionRecord>.List} from executions where id = any(@ids)", new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Marks that the AWX launch call is about to be made, so a redelivered launch never makes a second AWX job.</summary>
    public async Task<bool> ClaimLaunchAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions set launch_attempted_at = now(), updated_at = now()
            where id = @id and status = 'pending' and launch_attempted_at is null
            """,
            new { id },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Keeps the template as AWX described it when it was read for the launch. Once taken the snapshot stays frozen:
    /// a relaunch keeps its original's, and a later read never replaces it.
    /// </summary>
    public async Task FreezeTemplateSnapshotAsync(Guid id, string templateSnapshotJson, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions set template_snapshot = @templateSnapshotJson::jsonb, updated_at = now()
            where id = @id and template_snapshot = '{}'::jsonb
            """,
            new { id, templateSnapshotJson },
            cancellationToken: cancellationToken));
    }

    public async Task<StatusTransition?> RecordLaunchedAsync(Guid id, long awxJobId, string awxJobUrl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusTransition>(new CommandDefinition(
            """
            update executions
            set status = 'waiting', awx_job_id = @awxJobId, awx_job_url = @awxJobUrl, launched_at = now(), updated_at = now()
            where id = @id and status = 'pending'
            returning id as execution_id, 'pending' as previous, status as current, awx_job_id, updated_at as changed_at
            """,
            new { id, awxJobId, awxJobUrl },
            cancellationToken: cancellationToken));
    }

    /// <summary>Moves the execution to <paramref name="to"/> if it is in one of <paramref name="from"/>; null when it was not.</summary>
    public async Task<StatusTransition?> TransitionAsync(
        Guid id, IReadOnlyCollection<ExecutionStatus> from, ExecutionStatus to, string? explanation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusTransition>(new CommandDefinition(
            """
            with previous as (
                select id, status from executions where id = @id and status = any(@from) for update
            )
            update executions e
            set status = @to,
                status_explanation = coalesce(@explanation, e.status_explanation),
                started_at = case when @to = 'running' then coalesce(e.started_at, now()) else e.started_at end,
                finished_at = case when @terminal then coalesce(e.finished_at, now()) else e.finished_at end,
                updated_at = now()
            from previous
            where e.id = previous.id
            returning e.id as execution_id, previous.status as previous, e.status as current, e.awx_job_id, e.updated_at as changed_at
            """,
            new { id, from = DatabaseText.From(from), to = DatabaseText.From(to), explanation, terminal = to.IsTerminal() },
            cancellationToken: cancellationToken));
    }

    public async Task UpdateProgressAsync(Guid id, int progressPercentage, string? currentTask, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions set progress_percentage = @progressPercentage, current_task = @currentTask, updated_at = now()
            where id = @id and status in ('waiting', 'running')
            """,
            new { id, progressPercentage = (short)Math.Clamp(progressPercentage, 0, 100), currentTask },
            cancellationToken: cancellationToken));
    }

    /// <summary>Sets or clears the explanation of an execution still in progress, without moving its status.</summary>
    public async Task ExplainAsync(Guid id, string? explanation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update executions set status_explanation = @explanation, updated_at = now()
            where id = @id and status in ('pending', 'waiting', 'running')
            """,
            new { id, explanation },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records what the stream ended with, in the same statement that moves the status to terminal.
    /// <paramref name="complete"/> is the caller's verdict (every counter stored and AWX confirmed it saved them all),
    /// not derived from <paramref name="missingCounters"/>: no counter missing is not enough.
    /// </summary>
    public async Task<StatusTransition?> FinishAsync(
        Guid id, ExecutionStatus status, string? explanation, long finalCounter, IReadOnlyList<long> missingCounters, bool complete,
        int taskCount, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StatusTransition>(new CommandDefinition(
            """
            with previous as (
                select id, status from executions where id = @id and status in ('pending', 'waiting', 'running') for update
            )
            update executions e
            set status = @status,
                status_explanation = coalesce(@explanation, e.status_explanation),
                final_counter = @finalCounter,
                complete = @complete,
                missing_counters = @missingCounters,
                task_count = @taskCount,
                progress_percentage = case when @status = 'successful' then 100 else e.progress_percentage end,
                started_at = coalesce(e.started_at, now()),
                finished_at = coalesce(e.finished_at, now()),
                updated_at = now()
            from previous
            where e.id = previous.id
            returning e.id as execution_id, previous.status as previous, e.status as current, e.awx_job_id, e.updated_at as changed_at
            """,
            new { id, status = DatabaseText.From(status), explanation, finalCounter, missingCounters = missingCounters.ToArray(), complete, taskCount },
            cancellationToken: cancellationToken));
    }

    /// <summary>The task count of the template's last run that got to its stats, the best guess of this run's.</summary>
    public async Task<int?> FindExpectedTaskCountAsync(int templateId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
            """
            select task_count from executions
            where template_id = @templateId and task_count > 0 and status in ('successful', 'failed')
            order by finished_at desc
            limit 1
            """,
            new { templateId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Executions a poller should be following: launched in AWX and not yet terminal.</summary>
    public async Task<IReadOnlyList<ActiveStream>> ListActiveStreamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ActiveStream>(new CommandDefinition(
            """
            select id as execution_id, awx_job_id, template_kind as kind
            from executions
            where status = any(@ActiveStatuses) and awx_job_id is not null
            order by created_at
            """,
            new { ActiveStatuses },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
