using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>
/// <c>workflow_nodes</c> and <c>workflow_approvals</c>: the poller writes what AWX says about the nodes, the Launcher
/// the decisions it passes on. A write that changes nothing reports no change, so a state is announced once.
/// </summary>
public sealed class WorkflowRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Stores the node as AWX describes it now (artifacts once known stay); true when it is new or its state, job, times or artifacts changed.</summary>
    public async Task<bool> UpsertNodeAsync(WorkflowNodeRecord node, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_nodes as n (execution_id, node_id, workflow_job_id, identifier, name, unified_job_template_id, job_type,
                                             job_id, state, do_not_run, success_nodes, failure_nodes, always_nodes, artifacts, started_at,
                                             finished_at, elapsed_seconds)
            values (@ExecutionId, @NodeId, @WorkflowJobId, @Identifier, @Name, @UnifiedJobTemplateId, @JobType, @JobId, @State,
                    @DoNotRun, @SuccessNodes, @FailureNodes, @AlwaysNodes, @Artifacts::jsonb, @StartedAt, @FinishedAt, @ElapsedSeconds)
            on conflict (execution_id, node_id) do update
            set name = excluded.name, job_type = excluded.job_type, job_id = excluded.job_id, state = excluded.state,
                do_not_run = excluded.do_not_run, success_nodes = excluded.success_nodes, failure_nodes = excluded.failure_nodes,
                always_nodes = excluded.always_nodes, artifacts = coalesce(excluded.artifacts, n.artifacts), started_at = excluded.started_at,
                finished_at = excluded.finished_at, elapsed_seconds = excluded.elapsed_seconds, updated_at = now()
            where (n.state, n.job_id, n.started_at, n.finished_at, n.do_not_run, n.artifacts)
                  is distinct from (excluded.state, excluded.job_id, excluded.started_at, excluded.finished_at, excluded.do_not_run,
                                    coalesce(excluded.artifacts, n.artifacts))
            """,
            new
            {
                node.ExecutionId,
                node.NodeId,
                node.WorkflowJobId,
                node.Identifier,
                node.Name,
                node.UnifiedJobTemplateId,
                node.JobType,
                node.JobId,
                State = DatabaseText.From(node.State),
                node.DoNotRun,
                node.SuccessNodes,
                node.FailureNodes,
                node.AlwaysNodes,
                node.Artifacts,
                node.StartedAt,
                node.FinishedAt,
                node.ElapsedSeconds,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The execution's nodes, those of nested workflows included, in AWX's order.</summary>
    public async Task<IReadOnlyList<WorkflowNodeRecord>> ListNodesAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var nodes = await connection.QueryAsync<WorkflowNodeRecord>(new CommandDefinition(
            $"select {RecordColumns<WorkflowNodeRecord>.List} from workflow_nodes where execution_id = @executionId order by workflow_job_id, node_id",
            new { executionId },
            cancellationToken: cancellationToken));
        return nodes.AsList();
    }

    /// <summary>Stores the approval as AWX describes it now, keeping any decision recorded; true when new or its status changed.</summary>
    public async Task<bool> UpsertApprovalAsync(WorkflowApprovalRecord approval, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into workflow_approvals as a (execution_id, approval_id, node_id, workflow_job_id, name, description, timeout_seconds,
                                                 status, timed_out, expires_at)
            values (@ExecutionId, @ApprovalId, @NodeId, @WorkflowJobId, @Name, @Description, @TimeoutSeconds, @Status, @TimedOut, @ExpiresAt)
            on conflict (execution_id, approval_id) do update
            set status = excluded.status, timed_out = excluded.timed_out, expires_at = excluded.expires_at
            where (a.status, a.timed_out) is distinct from (excluded.status, excluded.timed_out)
            """,
            approval,
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The execution's approvals that belong to a node, by node id: what the node is waiting on, or was.</summary>
    public async Task<IReadOnlyDictionary<long, WorkflowApprovalRecord>> ListApprovalsByNodeAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var approvals = await connection.QueryAsync<WorkflowApprovalRecord>(new CommandDefinition(
            $"select {RecordColumns<WorkflowApprovalRecord>.List} from workflow_approvals where execution_id = @executionId and node_id is not null order by approval_id",
            new { executionId },
            cancellationToken: cancellationToken));
        return approvals.ToDictionary(approval => approval.NodeId!.Value);
    }

    public async Task<WorkflowApprovalRecord?> FindApprovalAsync(Guid executionId, long approvalId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkflowApprovalRecord>(new CommandDefinition(
            $"select {RecordColumns<WorkflowApprovalRecord>.List} from workflow_approvals where execution_id = @executionId and approval_id = @approvalId",
            new { executionId, approvalId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims the approval's one decision for <paramref name="decidedBy"/>; false when a decision is already recorded.
    /// The claim comes before AWX is asked, so two operators deciding at once cannot both reach AWX.
    /// </summary>
    public async Task<bool> ClaimDecisionAsync(
        Guid executionId, long approvalId, string decidedBy, string? comment, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_approvals set decided_by = @decidedBy, decision_comment = @comment, decided_at = now()
            where execution_id = @executionId and approval_id = @approvalId and decided_by is null and status = 'pending'
            """,
            new { executionId, approvalId, decidedBy, comment },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives a claimed decision back when AWX did not take it, so it can be made again.</summary>
    public async Task ReleaseDecisionAsync(Guid executionId, long approvalId, string decidedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update workflow_approvals set decided_by = null, decision_comment = null, decided_at = null
            where execution_id = @executionId and approval_id = @approvalId and decided_by = @decidedBy
            """,
            new { executionId, approvalId, decidedBy },
            cancellationToken: cancellationToken));
    }
}
