using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.SampleSubscriber;

/// <summary>
/// What the sample keeps of each execution: its events, once each however often they are delivered, and how it ended.
/// In memory for the sample; a real service keeps the same keys in its own database, with
/// <c>(executionId, jobId, counter)</c> unique so that a redelivered event changes nothing.
/// </summary>
public sealed class ExecutionLedger
{
    private readonly ConcurrentDictionary<(Guid ExecutionId, long JobId, long Counter), JobEventReceived> events = new();
    private readonly ConcurrentDictionary<Guid, ExecutionFinished> finished = new();

    /// <summary>False when the event was recorded before: a redelivery or a republish after a poller's takeover.</summary>
    public bool Record(JobEventReceived jobEvent) => events.TryAdd((jobEvent.ExecutionId, jobEvent.JobId, jobEvent.Counter), jobEvent);

    /// <summary>False when the execution's end was recorded before.</summary>
    public bool Record(ExecutionFinished end) => finished.TryAdd(end.ExecutionId, end);

    /// <summary>The execution's events in counter order within each job, whatever order they arrived in.</summary>
    public IReadOnlyList<JobEventReceived> EventsOf(Guid executionId) =>
        events.Values.Where(jobEvent => jobEvent.ExecutionId == executionId).OrderBy(jobEvent => jobEvent.JobId).ThenBy(jobEvent => jobEvent.Counter).ToList();

    public ExecutionFinished? EndOf(Guid executionId) => finished.GetValueOrDefault(executionId);
}
