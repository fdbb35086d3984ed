using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>Misbehaviour the emulator injects; the defaults inject nothing.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FaultSettings
{
    /// <summary>Fraction (0..1) of /api/v2 requests answered with 500, 502 or 503.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Delay added to every /api/v2 request.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Fraction (0..1) of /api/v2 requests that also wait <see cref="LatencySpikeMs"/>.</summary>
    public double LatencySpikeProbability { get; init; }

    public int LatencySpikeMs { get; init; }

    /// <summary>Each event becomes visible after a random delay up to this window, so events show up out of counter order.</summary>
    public int OutOfOrderWindowMs { get; init; }

    /// <summary>Fraction (0..1) of events that become visible only after <see cref="LateVisibilityDelayMs"/>.</summary>
    public double LateVisibilityProbability { get; init; }

    public int LateVisibilityDelayMs { get; init; }

    /// <summary>Fraction (0..1) of events that never become visible.</summary>
    public double NeverVisibleFraction { get; init; }

    /// <summary>Counters of events that never become visible.</summary>
    public IReadOnlyList<int> NeverVisibleCounters { get; init; } = [];

    /// <summary>How long after the job ends and its last event is visible <c>event_processing_finished</c> turns true.</summary>
    public int EventProcessingFinishedDelayMs { get; init; }

    public bool EventProcessingNeverFinishes { get; init; }

    /// <summary>The first this many /api/v2 requests after these settings take effect are answered 5xx, one after another.</summary>
    public int ServerErrorBurst { get; init; }

    /// <summary>401 or 403: every /api/v2 request is refused as AWX refuses a revoked or underprivileged token; 0 refuses none.</summary>
    public int RefuseTokenStatus { get; init; }

    public EventDamage EventDamage { get; init; } = new();
}
