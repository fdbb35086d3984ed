using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Follows a workflow execution: every cycle reads the workflow job and its nodes (nested workflows' nodes too),
/// stores each node and announces every change of state, stores approvals as they appear, and copies the events of
/// every playbook job a node runs under the same execution with its job id, exactly once and in order per job. The
/// execution follows the workflow job's status and finishes once the workflow job is terminal and every node job's
/// events are stored (or their bounded wait for missing counters ran out).
/// </summary>
public sealed partial class WorkflowFollower(StreamContext context, ExecutionRecord execution) : IExecutionFollower
{
    /// <summary>Deeper nesting than any real workflow; guards the walk against a workflow that contains itself.</summary>
    private const int MaxNesting = 10;

    private readonly Guid executionId = execution.Id;
    private readonly long workflowJobId = execution.AwxJobId ?? throw new ArgumentException("The execution has no AWX workflow job yet.", nameof(execution));
    private readonly ExecutionLifecycle lifecycle = new(context, execution);
    private readonly Dictionary<long, NodeJobCopy> jobs = [];
    private readonly Dictionary<long, WorkflowNodeRecord> nodes = [];
    private int progress = -1;

    public long JobId => workflowJobId;

    public long Watermark => jobs.Values.Sum(job => job.Copier.Watermark);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var node in await context.Workflows.ListNodesAsync(executionId, cancellationToken))
        {
            nodes[node.NodeId] = node;
        }
    }

    public async Task<CycleOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        var workflowJob = await ReadOrNullAsync(() => context.Awx.GetWorkflowJobAsync(workflowJobId, cancellationToken));
        if (workflowJob is null)
        {
            return await FinishVanishedAsync(cancellationToken);
        }

        var terminal = AwxStatusMapping.Terminal(workflowJob.Status);
        if (lifecycle.Status == ExecutionStatus.Waiting && (AwxStatusMapping.IsRunning(workflowJob.Status) || terminal is not null))
        {
            await lifecycle.MoveToRunningAsync(cancellationToken);
        }

        await ObserveNodesAsync(workflowJobId, 0, cancellationToken);
        var newEvents = 0;
        var morePending = false;
        foreach (var job in jobs.Values.Where(job => !job.Finished).ToList())
        {
            var copied = await CopyJobAsync(job, cancellationToken);
            newEvents += copied.Inserted.Count;
            morePending |= copied.MorePending;
        }

        await UpdateProgressAsync(cancellationToken);
        if (terminal is { } status && !morePending && jobs.Values.All(job => job.Finished))
        {
            await FinishAsync(workflowJob, status, cancellationToken);
            return new CycleOutcome(newEvents, MorePending: false, Finished: true);
        }

        return new CycleOutcome(newEvents, morePending, Finished: false);
    }

    private async Task ObserveNodesAsync(long ofWorkflowJob, int depth, CancellationToken cancellationToken)
    {
        // A node starts only once the nodes before it settled, so settled nodes are stored (and announced) first: a
        // reader never sees a node running or waiting while one before it still shows running. AWX lists by node id.
        var listed = await context.Awx.ReadWorkflowJobNodesAsync(ofWorkflowJob, cancellationToken);
        foreach (var node in listed.OrderBy(node => WorkflowNodeStates.IsSettled(WorkflowNodeStates.Of(node)) ? 0 : 1))
        {
            await ObserveNodeAsync(node, ofWorkflowJob, cancellationToken);
            if (node is { JobType: WorkflowNodeStates.WorkflowJobType, Job: { } nested } && depth < MaxNesting)
            {
                await ObserveNodesAsync(nested, depth + 1, cancellationToken);
            }
        }
    }

    private async Task ObserveNodeAsync(AwxWorkflowNode node, long ofWorkflowJob, CancellationToken cancellationToken)
    {
        var state = WorkflowNodeStates.Of(node);
        nodes.TryGetValue(node.Id, out var known);
        if (known is null || known.State != state || known.JobId != node.Job || known.DoNotRun != node.DoNotRun)
        {
            var record = new WorkflowNodeRecord
            {
                ExecutionId = executionId,
                NodeId = node.Id,
                WorkflowJobId = ofWorkflowJob,
                Identifier = node.Identifier,
                Name = NameOf(node),
                UnifiedJobTemplateId = node.UnifiedJobTemplate,
                JobType = node.JobType ?? node.UnifiedJobType,
                JobId = node.Job,
                State = state,
                DoNotRun = node.DoNotRun,
                SuccessNodes = [.. node.SuccessNodes],
                FailureNodes = [.. node.FailureNodes],
                AlwaysNodes = [.. node.AlwaysNodes],
                Artifacts = known?.Artifacts,
            };
            var (timed, approval) = await ReadJobDetailsAsync(record, cancellationToken);
            var changed = await context.Workflows.UpsertNodeAsync(timed, cancellationToken);
            // Stored after its node, so a reader never sees an approval on a node not yet waiting for it.
            if (approval is not null)
            {
                await context.Workflows.UpsertApprovalAsync(ApprovalRecord(timed, approval), cancellationToken);
            }

            if (changed)
            {
                await PublishNodeChangedAsync(timed, approval, cancellationToken);
            }

            nodes[node.Id] = timed;
        }

        if (node is { JobType: WorkflowNodeStates.JobType, Job: { } jobId } && !jobs.ContainsKey(jobId))
        {
            var copy = new NodeJobCopy(new JobEventCopier(context, executionId, jobId), node.Id);
            var stream = await context.Streams.GetAsync(executionId, jobId, cancellationToken);
            if (stream.FinalCounter is { } finalCounter)
            {
                await RestoreFinishedAsync(copy, finalCounter, cancellationToken);
            }

            jobs[jobId] = copy;
        }
    }

    /// <summary>
    /// A copy a poller before this one finished (a takeover): how far it got and what it missed are in the database,
    /// and AWX, which never takes it back, says whether it saved every event.
    /// </summary>
    private async Task RestoreFinishedAsync(NodeJobCopy copy, long finalCounter, CancellationToken cancellationToken)
    {
        var jobId = copy.Copier.JobId;
        var missing = await context.Events.FindMissingCountersAsync(executionId, jobId, finalCounter, int.MaxValue, cancellationToken);
        var awxJob = await ReadOrNullAsync(() => context.Awx.GetJobAsync(jobId, cancellationToken));
        copy.Finish(finalCounter, missing, awxJob?.EventProcessingFinished == true);
    }

    /// <summary>The node's times (and artifacts, and its approval) from its job, once it has one.</summary>
    private async Task<(WorkflowNodeRecord Node, WorkflowApprovalDetails? Approval)> ReadJobDetailsAsync(
        WorkflowNodeRecord node, CancellationToken cancellationToken)
    {
        if (node.JobId is not { } jobId)
        {
            return (node, null);
        }

        switch (node.JobType)
        {
            case WorkflowNodeStates.JobType:
            {
                var job = await ReadOrNullAsync(() => context.Awx.GetJobAsync(jobId, cancellationToken));
                var artifacts = job?.Artifacts.ValueKind == System.Text.Json.JsonValueKind.Object && job.Artifacts.EnumerateObject().Any()
                    ? job.Artifacts.GetRawText()
                    : node.Artifacts;
                return (WithTimes(node, job?.Started, job?.Finished, job?.Elapsed) with { Artifacts = artifacts }, null);
            }

            case WorkflowNodeStates.WorkflowJobType:
            {
                var nested = await ReadOrNullAsync(() => context.Awx.GetWorkflowJobAsync(jobId, cancellationToken));
                return (WithTimes(node, nested?.Started, nested?.Finished, nested?.Elapsed), null);
            }

            case WorkflowNodeStates.ApprovalType:
            {
                var approval = await ReadOrNullAsync(() => context.Awx.Api.GetWorkflowApprovalAsync(jobId, cancellationToken));
                if (approval is null)
                {
                    return (node, null);
                }

                var details = new WorkflowApprovalDetails
                {
                    ApprovalId = approval.Id,
                    Name = approval.Name,
                    Description = approval.Description ?? "",
                    TimeoutSeconds = approval.TimeoutSeconds,
                    ExpiresAt = approval.ApprovalExpiration,
                    Status = approval.Status,
                    TimedOut = approval.TimedOut,
                };
                return (WithTimes(node, approval.Started, approval.Finished, approval.Elapsed), details);
            }

            default:
                return (node, null);
        }
    }

    private async Task<CopyOutcome> CopyJobAsync(NodeJobCopy job, CancellationToken cancellationToken)
    {
        var copied = await job.Copier.CopyAsync(cancellationToken);
        if (!nodes.TryGetValue(job.NodeId, out var node) || !WorkflowNodeStates.IsSettled(node.State) || copied.MorePending)
        {
            return copied;
        }

        job.TerminalSince ??= context.Clock.GetUtcNow();
        var awxJob = await ReadOrNullAsync(() => context.Awx.GetJobAsync(job.Copier.JobId, cancellationToken));
        var processed = awxJob is null || awxJob.EventProcessingFinished == true;
        if (processed)
        {
            // AWX has saved every event by now; copy once more so none saved after this cycle's copy is left behind.
            var lastCopy = await job.Copier.CopyAsync(cancellationToken);
            copied = new CopyOutcome([.. copied.Inserted, .. lastCopy.Inserted], lastCopy.MorePending);
        }

        var waitedOut = context.Clock.GetUtcNow() - job.TerminalSince >= TimeSpan.FromSeconds(context.Options.MissingEventsWaitSeconds);
        if (!copied.MorePending && ((processed && job.Copier.AllStored) || waitedOut))
        {
            var missing = await job.Copier.FindMissingCountersAsync(cancellationToken);
            if (awxJob is not null)
            {
                await job.Copier.SettleParentOutcomesAsync(cancellationToken);
            }

            await context.Streams.MarkFinishedAsync(executionId, job.Copier.JobId, job.Copier.MaxCounter, cancellationToken);
            job.Finish(job.Copier.MaxCounter, missing, awxJob?.EventProcessingFinished == true);
            LogNodeJobCopied(context.Logger, job.Copier.JobId, job.NodeId, job.FinalCounter, job.Complete);
        }

        return copied;
    }

    private async Task UpdateProgressAsync(CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        var percentage = nodes.Values.Count(node => WorkflowNodeStates.IsSettled(node.State)) * 100 / nodes.Count;
        if (percentage == progress)
        {
            return;
        }

        progress = percentage;
        var running = nodes.Values.Where(node => node.State is WorkflowNodeState.Running or WorkflowNodeState.Waiting).Select(node => node.Name).ToList();
        var currentTask = running.Count == 0 ? null : string.Join(", ", running);
        await context.Executions.UpdateProgressAsync(executionId, percentage, currentTask, cancellationToken);
        await context.Publisher.PublishAsync(new ExecutionProgressed
        {
            ExecutionId = executionId,
            ProgressPercentage = percentage,
            CurrentTask = currentTask,
            Watermark = Watermark,
        }, cancellationToken);
    }

    private async Task FinishAsync(AwxJob workflowJob, ExecutionStatus terminal, CancellationToken cancellationToken)
    {
        var missing = jobs.Values.SelectMany(job => job.Missing).ToList();
        var complete = jobs.Values.All(job => job.Complete);
        var explanation = string.IsNullOrWhiteSpace(workflowJob.JobExplanation) ? null : workflowJob.JobExplanation;
        await lifecycle.FinishAsync(Finished(terminal, missing, complete, workflowJob.Finished ?? context.Clock.GetUtcNow()), explanation, 0, cancellationToken);
        LogWorkflowFinished(context.Logger, terminal, nodes.Count, jobs.Count, complete);
    }

    private async Task<CycleOutcome> FinishVanishedAsync(CancellationToken cancellationToken)
    {
        var explanation = $"AWX workflow job {workflowJobId} no longer exists (404); its remaining nodes and output cannot be copied.";
        await lifecycle.FinishAsync(Finished(ExecutionStatus.Error, [], complete: false, context.Clock.GetUtcNow()), explanation, 0, cancellationToken);
        LogVanished(context.Logger);
        return new CycleOutcome(0, MorePending: false, Finished: true);
    }

    /// <summary>
    /// A workflow's final counter is how many events its jobs emitted; its missing counters are those of any of its
    /// jobs; it is complete when every job's copy is.
    /// </summary>
    private ExecutionFinished Finished(ExecutionStatus terminal, IReadOnlyList<long> missing, bool complete, DateTimeOffset finishedAt) => new()
    {
        ExecutionId = executionId,
        AwxJobId = workflowJobId,
        Status = terminal,
        FinalCounter = jobs.Values.Sum(job => job.FinalCounter),
        Complete = complete,
        MissingCounters = missing,
        FinishedAt = finishedAt,
    };

    private Task PublishNodeChangedAsync(WorkflowNodeRecord node, WorkflowApprovalDetails? approval, CancellationToken cancellationToken) =>
        context.Publisher.PublishAsync(WorkflowNodeChanges.Of(node, approval), cancellationToken);

    private WorkflowApprovalRecord ApprovalRecord(WorkflowNodeRecord node, WorkflowApprovalDetails approval) => new()
    {
        ExecutionId = executionId,
        ApprovalId = approval.ApprovalId,
        NodeId = node.NodeId,
        WorkflowJobId = node.WorkflowJobId,
        Name = approval.Name,
        Description = approval.Description,
        TimeoutSeconds = approval.TimeoutSeconds,
        Status = approval.Status is "pending" or "successful" or "failed" or "canceled" ? approval.Status : "pending",
        TimedOut = approval.TimedOut,
        ExpiresAt = approval.ExpiresAt?.UtcDateTime,
    };

    private static WorkflowNodeRecord WithTimes(WorkflowNodeRecord node, DateTimeOffset? started, DateTimeOffset? finished, double? elapsed) =>
        node with
        {
            StartedAt = started?.UtcDateTime,
            FinishedAt = finished?.UtcDateTime,
            ElapsedSeconds = finished is null ? null : elapsed,
        };

    /// <summary>The alias an author gave the node (AWX's UI shows it), else its template's name: AWX fills unset identifiers with a UUID.</summary>
    private static string NameOf(AwxWorkflowNode node) =>
        node.Identifier is { Length: > 0 } identifier && !Guid.TryParse(identifier, out _) ? identifier
        : node.TemplateName is { Length: > 0 } template ? template
        : $"Node {node.Id}";

    private static async Task<T?> ReadOrNullAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Events of AWX job {NodeJobId} (workflow node {NodeId}) copied up to counter {FinalCounter}, complete {Complete}")]
    private static partial void LogNodeJobCopied(ILogger logger, long nodeJobId, long nodeId, long finalCounter, bool complete);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Workflow finished: {Status}, {NodeCount} nodes, {JobCount} playbook jobs copied, complete {Complete}")]
    private static partial void LogWorkflowFinished(ILogger logger, ExecutionStatus status, int nodeCount, int jobCount, bool complete);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX workflow job vanished (404); execution set to error")]
    private static partial void LogVanished(ILogger logger);
}
