using System.ComponentModel.DataAnnotations;

namespace Fabrik.Executions.StreamPoller;

/// <summary>How the poller paces itself (<c>Poller__PollIntervalMilliseconds</c> and so on).</summary>
public sealed class StreamPollerOptions : IValidatableObject
{
    public const string Section = "Poller";

    /// <summary>Pause between cycles while a job produces events; none while pages come back full.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 500;

    /// <summary>Longest pause while AWX is quiet: the interval grows towards it.</summary>
    [Range(100, 60_000)]
    public int IdleIntervalMilliseconds { get; set; } = 2_000;

    /// <summary>Longest pause after AWX failures: backoff grows towards it, with jitter.</summary>
    [Range(100, 300_000)]
    public int FailureBackoffMilliseconds { get; set; } = 10_000;

    /// <summary>How often a held stream renews its lease, refreshes its keepalive and sends a heartbeat, whatever AWX does.</summary>
    [Range(1, 60)]
    public int HeartbeatSeconds { get; set; } = 5;

    /// <summary>A poller that stops renewing its lease loses the execution to another after this long.</summary>
    [Range(2, 300)]
    public int LeaseSeconds { get; set; } = 10;

    /// <summary>Time to live of the keepalive key the Watchdog reads: it lapses this long after a poller's last heartbeat.</summary>
    [Range(2, 3_600)]
    public int KeepaliveSeconds { get; set; } = 30;

    /// <summary>How often the poller looks for active executions nobody holds.</summary>
    [Range(1, 300)]
    public int ScanSeconds { get; set; } = 3;

    /// <summary>How long a finished job may wait for counters AWX has not made visible before it ends incomplete.</summary>
    [Range(0, 86_400)]
    public int MissingEventsWaitSeconds { get; set; } = 60;

    /// <summary>Pages of events read per cycle at most, so one busy job cannot starve the heartbeat.</summary>
    [Range(1, 1_000)]
    public int MaxPagesPerCycle { get; set; } = 25;

    /// <summary>
    /// Publish a <c>JobEventReceived</c> for each event beside each page's <c>JobEventsReceived</c>, as the frame
    /// promises. An installation whose subscribers all take pages turns it off: on the benchmark's machine the messages
    /// on their own cost about a third of what the whole machine spends per event.
    /// </summary>
    public bool PublishEachEvent { get; set; } = true;

    // A lease or keepalive renewed no more often than it lives lapses between renewals of a healthy poller.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseSeconds < 2 * HeartbeatSeconds)
        {
            yield return new ValidationResult(
                $"Poller:LeaseSeconds ({LeaseSeconds}) must be at least twice Poller:HeartbeatSeconds ({HeartbeatSeconds}): the lease is renewed with every heartbeat.",
                [nameof(LeaseSeconds)]);
        }

        if (KeepaliveSeconds < 2 * HeartbeatSeconds)
        {
            yield return new ValidationResult(
                $"Poller:KeepaliveSeconds ({KeepaliveSeconds}) must be at least twice Poller:HeartbeatSeconds ({HeartbeatSeconds}): the keepalive is refreshed with every heartbeat.",
                [nameof(KeepaliveSeconds)]);
        }
    }
}
