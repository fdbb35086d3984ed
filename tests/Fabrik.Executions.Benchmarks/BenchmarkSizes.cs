namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// How big each measurement is. <see cref="Full"/> follows issue 9; <see cref="QuickSizes"/> only proves that every
/// measurement still runs end to end (CI), its figures mean nothing.
/// </summary>
public sealed record BenchmarkSizes
{
    public static readonly BenchmarkSizes Full = new()
    {
        IngestEvents = 100_000,
        LatencyLevels = [1, 100, 500],
        LatencyEventsPerSecond = 1_000,
        LatencySeconds = 20,
        ScalingExecutions = 1_000,
        ScalingWindowSeconds = 20,
        FanOutConnections = 1_000,
        FanOutExecutions = 20,
        FanOutEventsPerSecond = 2_000,
        FanOutSeconds = 15,
        IdleExecutions = 50,
        IdleWindowSeconds = 30,
        SettleSeconds = 5,
        BalanceWaitSeconds = 60,
        WarmUpLimitSeconds = 180,
    };

    public static readonly BenchmarkSizes QuickSizes = new()
    {
        IngestEvents = 600,
        LatencyLevels = [1, 3],
        LatencyEventsPerSecond = 30,
        LatencySeconds = 2,
        ScalingExecutions = 4,
        ScalingWindowSeconds = 2,
        FanOutConnections = 4,
        FanOutExecutions = 2,
        FanOutEventsPerSecond = 40,
        FanOutSeconds = 2,
        IdleExecutions = 2,
        IdleWindowSeconds = 3,
        SettleSeconds = 1,
        BalanceWaitSeconds = 10,
        WarmUpLimitSeconds = 20,
    };

    /// <summary>Events of the one fast job whose ingest is measured and whose history is then replayed.</summary>
    public required int IngestEvents { get; init; }

    /// <summary>Concurrent running executions at which end-to-end latency is measured.</summary>
    public required int[] LatencyLevels { get; init; }

    /// <summary>Events per second the executions of one latency level emit together (each at most 20/s).</summary>
    public required int LatencyEventsPerSecond { get; init; }

    public required int LatencySeconds { get; init; }

    public required int ScalingExecutions { get; init; }

    public required int ScalingWindowSeconds { get; init; }

    /// <summary>
    /// The share of one core each poller is limited to for the scaling targets: what the Kubernetes manifest requests for a
    /// poller (200m), and small enough that three pollers, with what their polls cost PostgreSQL, RabbitMQ, the emulator and
    /// the Gateways, fit in this machine's two cores.
    /// </summary>
    public double ScalingPollerCores { get; init; } = 0.2;

    public required int FanOutConnections { get; init; }

    public required int FanOutExecutions { get; init; }

    public required int FanOutEventsPerSecond { get; init; }

    public required int FanOutSeconds { get; init; }

    public required int IdleExecutions { get; init; }

    public required int IdleWindowSeconds { get; init; }

    /// <summary>Pause before a count starts, so that pollers have settled into their pace.</summary>
    public required int SettleSeconds { get; init; }

    /// <summary>How long new pollers may take to hold their fair share before scaling is measured as it stands.</summary>
    public required int BalanceWaitSeconds { get; init; }

    /// <summary>How long pollers started under load may compile their hot code before scaling is measured as it stands.</summary>
    public required int WarmUpLimitSeconds { get; init; }

    /// <summary>Lines a terminal shows at once: the replay's "first screenful".</summary>
    public int ScreenfulEvents { get; init; } = 100;

    /// <summary>Hosts of every synthetic job; few, so that the event count is free to choose.</summary>
    public int Hosts { get; init; } = 2;
}
