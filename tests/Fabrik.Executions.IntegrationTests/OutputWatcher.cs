using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>
/// A SignalR client as a browser uses it: keeps one event per (job, counter), however often replay and live deliver
/// it, and records the status, progress and results messages it is sent.
/// </summary>
internal sealed class OutputWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<(long Job, long Counter), JsonElement> events = new();
    private readonly ConcurrentQueue<JsonElement> statusChanges = new();
    private readonly ConcurrentQueue<int> progress = new();
    private readonly ConcurrentQueue<JsonElement> results = new();
    private int deliveries;

    private OutputWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<Guid, JsonElement>("JobEvents", (_, batch) =>
        {
            foreach (var item in batch.EnumerateArray())
            {
                Interlocked.Increment(ref deliveries);
                events.TryAdd((item.GetProperty("job_id").GetInt64(), item.GetProperty("counter").GetInt64()), item.Clone());
            }
        });
        connection.On<JsonElement>("ExecutionStatusChanged", change => statusChanges.Enqueue(change.Clone()));
        connection.On<JsonElement>("ExecutionProgressed", change => progress.Enqueue(change.GetProperty("progress_percentage").GetInt32()));
        connection.On<JsonElement>("ExecutionResultsParsed", parsed => results.Enqueue(parsed.Clone()));
        connection.On<JsonElement>("ExecutionSnapshot", snapshot => Snapshot = snapshot.Clone());
    }

    public IReadOnlyCollection<long> Counters => events.Keys.Select(key => key.Counter).ToList();

    public int Deliveries => Volatile.Read(ref deliveries);

    public IReadOnlyList<JsonElement> StatusChanges => statusChanges.ToList();

    public IReadOnlyList<int> Progress => progress.ToList();

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

    /// <summary>The statuses the execution went through, once each: a client in both its group and the monitor hears each change twice.</summary>
    public IReadOnlyList<string> StatusSequenceOf(Guid executionId) =>
        StatusChanges
            .Where(change => change.GetProperty("execution_id").GetGuid() == executionId)
            .Select(change => change.GetProperty("status").GetString()!)
            .Distinct()
            .ToList();

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
