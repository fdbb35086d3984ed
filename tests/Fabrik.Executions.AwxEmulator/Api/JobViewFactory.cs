using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

internal sealed class JobViewFactory(FaultState faults, TimeProvider time)
{
    public JobView Of(EmulatedJob job)
    {
        var now = time.GetUtcNow();
        var state = job.State;
        return new JobView(job, state, now, EventProcessingFinished(job, state, now));
    }

    // AWX: false while the job is active, then true once every emitted event is saved; the faults delay or withhold it.
    private bool EventProcessingFinished(EmulatedJob job, JobState state, DateTimeOffset now)
    {
        var settings = faults.Current;
        if (!state.Status.IsTerminal() || settings.EventProcessingNeverFinishes || job.Events.AllVisibleSince(now) is not { } allVisible)
        {
            return false;
        }
        var settled = allVisible > state.Finished ? allVisible : state.Finished!.Value;
        return now >= settled.AddMilliseconds(settings.EventProcessingFinishedDelayMs);
    }
}
