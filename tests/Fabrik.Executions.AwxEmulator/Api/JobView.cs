using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>A job as one response shows it: one consistent state, read at one moment.</summary>
internal sealed record JobView(EmulatedJob Job, JobState State, DateTimeOffset Now, bool EventProcessingFinished)
{
    /// <summary>AWX: seconds since start while running, the stored difference (3 decimals) once finished, else 0.</summary>
    public double Elapsed => State switch
    {
        { Started: { } started, Finished: { } finished } => Math.Round((finished - started).TotalSeconds, 3),
        { Started: { } started } => (Now - started).TotalSeconds,
        _ => 0,
    };
}
