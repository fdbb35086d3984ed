using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>A job as one response shows it: one consistent state, read at one moment.</summary>
internal sealed record JobView(EmulatedJob Job, JobState State, DateTimeOffset Now, bool EventProcessingFinished)
{
    public double Elapsed => UnifiedJobElapsed.Of(State.Started, State.Finished, Now);
}
