using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>AWX-shaped job events for tests.</summary>
internal static class SampleEvents
{
    public static JobEventReceived Create(Guid executionId, long jobId, long counter) => new()
    {
        ExecutionId = executionId,
        JobId = jobId,
        Counter = counter,
        Event = counter == 1 ? "playbook_on_start" : "runner_on_ok",
        Uuid = Guid.NewGuid().ToString(),
        ParentUuid = counter == 1 ? "" : Guid.NewGuid().ToString(),
        Host = counter == 1 ? null : $"leaf-{counter % 7}.lab",
        Play = "Configure fabric",
        Task = $"Task {counter}",
        Stdout = $"\u001b[0;32mok: [leaf-{counter % 7}.lab]\u001b[0m\r\n",
        StartLine = (int)counter - 1,
        EndLine = (int)counter,
        Failed = false,
        Changed = counter % 2 == 0,
        Created = DateTimeOffset.UtcNow,
        EventData = JsonDocument.Parse($$$"""{"host":"leaf-{{{counter % 7}}}.lab","res":{"counter":{{{counter}}},"msg":"ünïcode ✓"}}""").RootElement,
    };

    public static IReadOnlyList<JobEventReceived> Range(Guid executionId, long jobId, long from, long to) =>
        Enumerable.Range((int)from, (int)(to - from + 1)).Select(counter => Create(executionId, jobId, counter)).ToList();

    /// <summary>A page of <paramref name="events"/> as the poller sends it to the Gateways while a browser watches.</summary>
    public static WatchedJobEventsReceived Watched(IReadOnlyList<JobEventReceived> events) =>
        new() { ExecutionId = events[0].ExecutionId, Page = JobEventsReceived.Of(events) };

    public static WatchedJobEventsReceived Page(Guid executionId, long jobId, long from, long to) => Watched(Range(executionId, jobId, from, to));
}
