namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// The measurements of one run, in the order they run, by the names <c>--phases</c> takes. Raw limits and replay work on
/// the ingested job, so they need the ingest phase.
/// </summary>
public static class BenchmarkPhases
{
    public const string Ingest = "ingest";
    public const string RawLimits = "raw-limits";
    public const string Replay = "replay";
    public const string Latency = "latency";
    public const string FanOut = "fan-out";
    public const string Idle = "idle";
    public const string Scaling = "scaling";

    public static readonly IReadOnlyList<string> All = [Ingest, RawLimits, Replay, Latency, FanOut, Idle, Scaling];

    /// <summary>The phases a comma-separated list names, in run order, or why the list cannot be run.</summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        var named = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (named.FirstOrDefault(phase => !All.Contains(phase)) is { } unknown)
        {
            throw new ArgumentException($"--phases: unknown phase '{unknown}'; the phases are {string.Join(", ", All)}.");
        }

        if (named.Length == 0)
        {
            throw new ArgumentException($"--phases needs at least one of {string.Join(", ", All)}.");
        }

        if (!named.Contains(Ingest) && named.FirstOrDefault(phase => phase is RawLimits or Replay) is { } dependent)
        {
            throw new ArgumentException($"--phases: {dependent} works on the ingested job, so it needs {Ingest} too.");
        }

        return All.Where(named.Contains).ToList();
    }
}
