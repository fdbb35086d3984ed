using System.Collections.Concurrent;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>A browser on the hub that records everything pushed to it, with how often each event arrived.</summary>
internal sealed class HubRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(long JobId, long Counter), int> deliveries = new();
    private readonly ConcurrentQueue<IReadOnlyList<long>> jobEventCalls = new();
    private readonly ConcurrentQueue<(string Method, JsonElement Payload)> messages = new();

    private HubRecorder(HubConnection connection)
    {
        Connection = connection;
        connection.On<Guid, JobEventReceived[]>("JobEvents", (_, events) =>
        {
            foreach (var jobEvent in events)
            {
                deliveries.AddOrUpdate((jobEvent.JobId, jobEvent.Counter), 1, (_, count) => count + 1);
            }

            jobEventCalls.Enqueue(events.Select(jobEvent => jobEvent.Counter).ToList());
        });
        foreach (var method in new[]
                 {
                     "ExecutionSnapshot", "ExecutionStatusChanged", "ExecutionProgressed", "StreamHeartbeat",
                     "WorkflowNodeChanged", "ExecutionFinished", "ExecutionResultsParsed",
                 })
        {
            connection.On<JsonElement>(method, payload => messages.Enqueue((method, payload)));
        }
    }

    public HubConnection Connection { get; }

    /// <summary>The counters of each <c>JobEvents</c> call, in the order the calls arrived.</summary>
    public IReadOnlyList<IReadOnlyList<long>> JobEventCalls => jobEventCalls.ToList();

    public static async Task<HubRecorder> ConnectAsync(GatewayHost gateway)
    {
        var recorder = new HubRecorder(gateway.CreateHubConnection());
        await recorder.Connection.StartAsync();
        return recorder;
    }

    /// <summary>The distinct counters received for <paramref name="jobId"/>, ascending.</summary>
    public IReadOnlyList<long> Counters(long jobId) =>
        deliveries.Keys.Where(key => key.JobId == jobId).Select(key => key.Counter).Order().ToList();

    /// <summary>The events that arrived more than once.</summary>
    public IReadOnlyList<(long JobId, long Counter)> Duplicates() =>
        deliveries.Where(delivery => delivery.Value > 1).Select(delivery => delivery.Key).ToList();

    public IReadOnlyList<JsonElement> Received(string method) =>
        messages.Where(message => message.Method == method).Select(message => message.Payload).ToList();

    public bool HasReceived(string method, Guid executionId) =>
        Received(method).Any(payload => payload.GetProperty(method == "ExecutionSnapshot" ? "id" : "execution_id").GetGuid() == executionId);

    public async Task WaitForCountersAsync(long jobId, long upTo)
    {
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(Counters(jobId) is { Count: > 0 } counters && counters.Count == upTo && counters[^1] == upTo),
                $"counters 1..{upTo} of job {jobId}");
        }
        catch (TimeoutException exception)
        {
            Assert.Fail($"{exception.Message} Received {Counters(jobId).Count} distinct counters.");
        }
    }

    public Task WaitForAsync(string method, Guid executionId) =>
        Eventually.TrueAsync(() => Task.FromResult(HasReceived(method, executionId)), $"{method} of execution {executionId}");

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
