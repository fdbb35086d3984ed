using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// Live output and status for browsers. A subscriber joins the execution's group and announces itself as a watcher
/// (<see cref="ExecutionWatchers"/>) before the stored events are read, so an event is either in the replay or arrives
/// live (or both, and the client drops the duplicate): never lost.
/// Arguments arrive as sent and are checked by <see cref="HubArguments"/>, which names a wrong one.
/// </summary>
public sealed class ExecutionsHub(
    ExecutionRepository executions, JobEventStore events, JobStreamQueries streams, WorkflowRepository workflows, ExecutionWatchers watchers)
    : Hub<IExecutionsClient>
{
    public const string Path = "/hubs/executions";

    /// <summary>The first replayed batch is a screenful, so the page shows output at once; the rest go in larger batches.</summary>
    public const int FirstReplayBatchSize = 100;

    public const int ReplayBatchSize = 1_000;

    /// <summary>
    /// Replays the stored events after <paramref name="afterCounter"/> (of each AWX job of the execution) and a
    /// workflow's node states, then sends the execution's snapshot; live events follow through the group.
    /// </summary>
    public async Task SubscribeToOutput(JsonElement executionId, JsonElement afterCounter)
    {
        var id = HubArguments.ExecutionId(executionId);
        var after = HubArguments.Counter(afterCounter, nameof(afterCounter));
        var cancellationToken = Context.ConnectionAborted;
        var execution = await executions.FindAsync(id, cancellationToken)
                        ?? throw new HubException($"Execution {id} does not exist.");

        await Groups.AddToGroupAsync(Context.ConnectionId, ExecutionGroups.Output(id), cancellationToken);
        // Before the replay is read: the poller sends the Gateways every page it stores after that read.
        await watchers.AnnounceAsync([id]);
        foreach (var jobId in await streams.ListJobIdsAsync(id, cancellationToken))
        {
            await ReplayAsync(id, jobId, after, cancellationToken);
        }

        // A node change published before the caller joined reaches it only this way; the poller stores before it publishes.
        if (execution.TemplateKind == TemplateKind.Workflow)
        {
            await ReplayNodesAsync(id, cancellationToken);
        }

        // Read after the replay, so the snapshot is at least as recent as the events the caller has.
        execution = await executions.FindAsync(id, cancellationToken)
                    ?? throw new HubException($"Execution {id} does not exist.");
        await Clients.Caller.ExecutionSnapshot(ExecutionResource.From(execution));
    }

    public Task UnsubscribeFromOutput(JsonElement executionId) =>
        Groups.RemoveFromGroupAsync(
            Context.ConnectionId, ExecutionGroups.Output(HubArguments.ExecutionId(executionId)), Context.ConnectionAborted);

    /// <summary>Status, progress, ends and results of every execution, for the live list.</summary>
    public Task SubscribeToMonitor() =>
        Groups.AddToGroupAsync(Context.ConnectionId, ExecutionGroups.Monitor, Context.ConnectionAborted);

    public Task UnsubscribeFromMonitor() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, ExecutionGroups.Monitor, Context.ConnectionAborted);

    private async Task ReplayNodesAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var approvals = await workflows.ListApprovalsByNodeAsync(executionId, cancellationToken);
        foreach (var node in await workflows.ListNodesAsync(executionId, cancellationToken))
        {
            var approval = approvals.GetValueOrDefault(node.NodeId);
            await Clients.Caller.WorkflowNodeChanged(
                WorkflowNodeChanges.Of(node, approval is null ? null : WorkflowNodeChanges.Details(approval)));
        }
    }

    private async Task ReplayAsync(Guid executionId, long jobId, long afterCounter, CancellationToken cancellationToken)
    {
        var after = afterCounter;
        for (var size = FirstReplayBatchSize; ; size = ReplayBatchSize)
        {
            var batch = await events.ReadAfterAsync(executionId, jobId, after, size, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            await Clients.Caller.JobEvents(executionId, batch);
            if (batch.Count < size)
            {
                return;
            }

            after = batch[^1].Counter;
        }
    }
}
