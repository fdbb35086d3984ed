using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Runner;
using Fabrik.Executions.AwxEmulator.Synthetic;

namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>What tests may ask of and set on the emulator beyond AWX's API, in-process or through /_emulator.</summary>
internal sealed class EmulatorControl(JobRegistry jobs, FaultState faults, ApiRequestLog requests)
{
    public FaultSettings Faults
    {
        get => faults.Current;
        set => faults.Current = value;
    }

    public EmulatedJob? FindJob(int jobId) => jobs.Find(jobId);

    public IReadOnlyList<ApiRequest> ApiRequests() => requests.Snapshot();

    /// <summary>Null for a job that is not synthetic.</summary>
    public static IReadOnlyList<ExpectedHostOutcome>? ExpectedHostOutcomesOf(EmulatedJob job) =>
        (job.Run as SyntheticPlaybookRun)?.Plan.ExpectedOutcomes();

    /// <summary>Null for a job not run by ansible-runner, or not started yet.</summary>
    public static RunnerJobArtifacts? RunnerArtifactsOf(EmulatedJob job) => (job.Run as AnsibleRunnerPlaybookRun)?.Artifacts;

    public static IReadOnlyList<EmittedJobEvent> EmittedEventsOf(EmulatedJob job) =>
        job.Events.Emitted().Select(jobEvent => new EmittedJobEvent(
            jobEvent.Id,
            jobEvent.Counter,
            jobEvent.Uuid,
            jobEvent.ParentUuid,
            jobEvent.Event,
            jobEvent.HostName,
            jobEvent.Stdout,
            jobEvent.StartLine,
            jobEvent.EndLine,
            jobEvent.Failed,
            jobEvent.Changed,
            jobEvent.Created,
            jobEvent.EventData,
            jobEvent.VisibleAt)).ToList();
}
