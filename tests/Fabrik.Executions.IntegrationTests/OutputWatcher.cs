using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>
/// A SignalR client as a browser uses it: keeps one event per (job, counter), however often replay and live deliver
/// it, and records the counters of each <c>JobEvents</c> call and the status, progress and results messages it is sent.
/// </summary>
internal sealed class OutputWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<(long Job, long Counter), JsonElement> events = new();
    private readonly ConcurrentQueue<IReadOnlyList<long>> jobEventCalls = new();
    private readonly ConcurrentQueue<JsonElement> statusChanges = new();
    private readonly ConcurrentQueue<(Guid ExecutionId, int Percentage)> progress = new();
    private readonly ConcurrentQueue<JsonElement> results = new();
    private int deliveries;

    private OutputWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<Guid, JsonElement>("JobEvents", (_, batch) =>
        {
            var counters = new List<long>();
            foreach (var item in batch.EnumerateArray())
            {
                Interlocked.Increment(ref deliveries);
                counters.Add(item.GetProperty("counter").GetInt64());
                events.TryAdd((item.GetProperty("job_id").GetInt64(), counters[^1]), item.Clone());
            }

            jobEventCalls.Enqueue(counters);
        });
        connection.On<JsonElement>("ExecutionStatusChanged", change => statusChanges.Enqueue(change.Clone()));
        connection.On<JsonElement>("ExecutionProgressed", change => progress.Enqueue(
            (change.GetProperty("execution_id").GetGuid(), change.GetProperty("progress_percentage").GetInt32())));
        connection.On<JsonElement>("ExecutionResultsParsed", parsed => results.Enqueue(parsed.Clone()));
        connection.On<JsonElement>("ExecutionSnapshot", snapshot => Snapshot = snapshot.Clone());
    }

    public IReadOnlyCollection<long> Counters => events.Keys.Select(key => key.Counter).ToList();

    public int Deliveries => Volatile.Read(ref deliveries);

    /// <summary>The counters of each <c>JobEvents</c> call, in the order the calls arrived.</summary>
    public IReadOnlyList<IReadOnlyList<long>> JobEventCalls => jobEventCalls.ToList();

    public IReadOnlyList<JsonElement> StatusChanges => statusChanges.ToList();

    public IReadOnlyList<JsonElement> Results => results.ToList();

    public JsonElement? Snapshot { get; private set; }

    public static async Task<OutputWatcher> ConnectAsync(Pipeline pipeline)
    {
        var watcher = new OutputWatcher(pipeline.CreateHubConnection());
        await watcher.connection.StartAsync();
        return watcher;
    }

    public Task SubscribeToMonitorAsync() => connection.InvokeAsync("SubscribeToMonitor");

    public Task SubscribeToOutputAsync(Guid executionId, long afterCounter) =>
        connection.InvokeAsync("SubscribeToOutput", executionId, afterCounter);

    /// <summary>
    /// The statuses the execution went through, from the one its first change left, each once in the order first
    /// heard: a client in both its group and the monitor hears each change twice.
    /// </summary>
    public IReadOnlyList<string> StatusSequenceOf(Guid executionId)
    {
        var changes = StatusChanges.Where(change => change.GetProperty("execution_id").GetGuid() == executionId).ToList();
        return changes
            .Take(1)
            .Select(change => change.GetProperty("previous_status").GetString()!)
            .Concat(changes.Select(change => change.GetProperty("status").GetString()!))
            .Distinct()
            .ToList();
    }

    /// <summary>The execution's progress percentages, each once in the order first heard (group and monitor both push each).</summary>
    public IReadOnlyList<int> ProgressOf(Guid executionId) =>
        progress.Where(push => push.ExecutionId == executionId).Select(push => push.Percentage).Distinct().ToList();

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
