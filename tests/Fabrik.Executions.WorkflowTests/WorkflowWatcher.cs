using System.Collections.Concurrent;
using System.Text.Json;
using Fabrik.Executions.IntegrationTests;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>A browser watching a workflow execution: keeps one event per (job, counter) and every node change pushed.</summary>
internal sealed class WorkflowWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<(long Job, long Counter), bool> events = new();
    private readonly ConcurrentQueue<JsonElement> nodeChanges = new();

    private WorkflowWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<Guid, JsonElement>("JobEvents", (_, batch) =>
        {
            foreach (var item in batch.EnumerateArray())
            {
                events.TryAdd((item.GetProperty("job_id").GetInt64(), item.GetProperty("counter").GetInt64()), true);
            }
        });
        connection.On<JsonElement>("WorkflowNodeChanged", change => nodeChanges.Enqueue(change.Clone()));
    }

    public IReadOnlyList<JsonElement> NodeChanges => nodeChanges.ToList();

    public static async Task<WorkflowWatcher> WatchAsync(Pipeline pipeline, Guid executionId)
    {
        var watcher = new WorkflowWatcher(pipeline.CreateHubConnection());
        await watcher.connection.StartAsync();
        await watcher.connection.InvokeAsync("SubscribeToOutput", executionId, 0L);
        return watcher;
    }

    public int EventsOf(long jobId) => events.Keys.Count(key => key.Job == jobId);

    /// <summary>True when a change to <paramref name="state"/> was pushed for the node (pushes may arrive out of order).</summary>
    public bool Pushed(long nodeId, string state) =>
        NodeChanges.Any(change => change.GetProperty("node_id").GetInt64() == nodeId && change.GetProperty("state").GetString() == state);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
