namespace Fabrik.Executions.AwxEmulator.Jobs;

internal static class UnifiedJobElapsed
{
    /// <summary>AWX: seconds since start while running, the stored difference (3 decimals) once finished, else 0.</summary>
    public static double Of(DateTimeOffset? started, DateTimeOffset? finished, DateTimeOffset now) => (started, finished) switch
    {
        ({ } start, { } end) => Math.Round((end - start).TotalSeconds, 3),
        ({ } start, null) => (now - start).TotalSeconds,
        _ => 0,
    };
}
