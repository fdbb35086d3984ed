namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// How many active executions each poller streams: the active ones divided among the pollers alive, rounded up. Only
/// streams of executions still active count: one whose execution has just finished stays running until it has
/// announced the finish, and handing another over for it could cut that one's own finish short.
/// </summary>
public static class FairShare
{
    public static int Of(int activeExecutions, int pollersAlive) => (activeExecutions + pollersAlive - 1) / pollersAlive;

    /// <summary>The executions this poller streams that are still active, in the order it hands them over beyond its share.</summary>
    public static IReadOnlyList<Guid> StillActive(IEnumerable<Guid> streaming, IReadOnlySet<Guid> active) => streaming.Where(active.Contains).ToList();
}
