using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>
/// Damage done to job events as they are listed, to see what a client makes of an AWX (or a proxy in front of it) that
/// hands out bad data; the stored events stay intact. The defaults damage nothing.
/// </summary>
public sealed record EventDamage
{
    /// <summary>Counters whose stdout gets NUL characters, which AWX strips before it saves an event.</summary>
    public IReadOnlyList<int> NulStdoutCounters { get; init; } = [];

    /// <summary>Counters whose stdout gets bytes that are not UTF-8, written raw into the JSON body.</summary>
    public IReadOnlyList<int> InvalidUtf8StdoutCounters { get; init; } = [];

    /// <summary>Counters listed without their required <c>event</c> field.</summary>
    public IReadOnlyList<int> MissingEventTypeCounters { get; init; } = [];

    /// <summary>Counters whose stdout grows to <see cref="OversizedStdoutBytes"/>.</summary>
    public IReadOnlyList<int> OversizedStdoutCounters { get; init; } = [];

    public int OversizedStdoutBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Fraction (0..1) of job event pages whose JSON body is cut off halfway.</summary>
    public double MalformedPageRate { get; init; }

    [JsonIgnore]
    public bool DamagesAnything =>
        NulStdoutCounters.Count + InvalidUtf8StdoutCounters.Count + MissingEventTypeCounters.Count + OversizedStdoutCounters.Count > 0
        || MalformedPageRate > 0;
}
