using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// One SignalR client of a Gateway, as a browser tab is: it subscribes to executions' output and notes when each
/// counter first arrived (wall clock, comparable with the emulator's on this machine).
/// </summary>
internal sealed class HubWatcher : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, DateTimeOffset>> arrivals = new();
    private readonly List<(Guid Execution, int Count, TaskCompletionSource Reached)> waiters = [];

    private HubWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<Guid, Arrival[]>("JobEvents", Receive);
    }

    public static async Task<HubWatcher> ConnectAsync(Uri gateway, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "/hubs/executions"), options => options.Headers["X-Api-Key"] = apiKey)
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var watcher = new HubWatcher(connection);
        await connection.StartAsync();
        return watcher;
    }

    /// <summary>Replays the stored events after <paramref name="afterCounter"/>, then follows the live ones.</summary>
    public Task SubscribeAsync(Guid executionId, long afterCounter = 0)
    {
        arrivals.TryAdd(executionId, new ConcurrentDictionary<long, DateTimeOffset>());
        return connection.InvokeAsync("SubscribeToOutput", executionId, afterCounter);
    }

    public IReadOnlyDictionary<long, DateTimeOffset> ArrivalsOf(Guid executionId) =>
        arrivals.TryGetValue(executionId, out var counters) ? counters : new Dictionary<long, DateTimeOffset>();

    public int CountOf(Guid executionId) => arrivals.TryGetValue(executionId, out var counters) ? counters.Count : 0;

    /// <summary>Completes once <paramref name="count"/> distinct counters of the execution have arrived; fails after a long wait.</summary>
    public Task WhenCountAsync(Guid executionId, int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            waiters.Add((executionId, count, reached));
        }

        Check();
        return reached.Task.WaitAsync(StoredExecutions.LongWait);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void Receive(Guid executionId, Arrival[] batch)
    {
        var now = DateTimeOffset.UtcNow;
        var counters = arrivals.GetOrAdd(executionId, _ => new ConcurrentDictionary<long, DateTimeOffset>());
        foreach (var item in batch)
        {
            counters.TryAdd(item.Counter, now);
        }

        Check();
    }

    /// <summary>
    /// The one field of a pushed event the watcher reads: binding only it spares the harness, which shares the cores
    /// with the stack it measures, a document per batch that a browser on its own machine would build.
    /// </summary>
    private sealed record Arrival(long Counter);

    private void Check()
    {
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => CountOf(w.Execution) >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }
}
