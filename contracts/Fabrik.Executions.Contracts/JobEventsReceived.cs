namespace Fabrik.Executions.Contracts;

/// <summary>
/// One stored page of an AWX job's events, published beside the <see cref="JobEventReceived"/> of each of them, for
/// consumers that want pages (the Gateways push a page to browsers as one call): one message instead of up to 200
/// saves the broker and the consumer the per-message cost. Consumers dedupe by (<see cref="ExecutionId"/>,
/// <see cref="JobId"/>, <c>Counter</c>) as for the single event: a resumed poller may publish a page again, and the
/// pages it republishes need not match the ones first published.
/// </summary>
public sealed record JobEventsReceived
{
    /// <summary>The execution the events belong to.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>AWX's id of the job that emitted the events (a workflow execution has several).</summary>
    public required long JobId { get; init; }

    /// <summary>The page's events, in counter order, never empty; each exactly as its own <see cref="JobEventReceived"/>.</summary>
    public required IReadOnlyList<JobEventReceived> Events { get; init; }

    /// <summary>The page of <paramref name="events"/>: one job's, non-empty, in counter order.</summary>
    /// <exception cref="ArgumentException">The events are none, or of more than one execution or job.</exception>
    public static JobEventsReceived Of(IReadOnlyList<JobEventReceived> events)
    {
        if (events.Count == 0)
        {
            throw new ArgumentException("A page holds at least one event.", nameof(events));
        }

        var (executionId, jobId) = (events[0].ExecutionId, events[0].JobId);
        if (events.Any(jobEvent => jobEvent.ExecutionId != executionId || jobEvent.JobId != jobId))
        {
            throw new ArgumentException("A page holds the events of one execution's job only.", nameof(events));
        }

        return new JobEventsReceived { ExecutionId = executionId, JobId = jobId, Events = events };
    }
}
