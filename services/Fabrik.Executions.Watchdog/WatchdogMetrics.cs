using System.Diagnostics.Metrics;
using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.Watchdog;

/// <summary>What the Watchdog did, one counter per action, on the system's meter.</summary>
public sealed class WatchdogMetrics
{
    private readonly Counter<long> sweeps;
    private readonly Counter<long> checkFailures;
    private readonly Counter<long> resumes;
    private readonly Counter<long> launchResends;
    private readonly Counter<long> unknownLaunches;
    private readonly Counter<long> vanishedJobs;
    private readonly Counter<long> finishesRepublished;
    private readonly Counter<long> awxRefusals;

    public WatchdogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ServiceDefaultsExtensions.MeterName);
        sweeps = meter.CreateCounter<long>(
            "fabrik.watchdog.sweeps", "{sweep}", "Sweeps run (outcome=completed) or skipped because another Watchdog held the sweep lock (outcome=skipped).");
        checkFailures = meter.CreateCounter<long>("fabrik.watchdog.check_failures", "{failure}", "Checks of a sweep that failed, by check.");
        resumes = meter.CreateCounter<long>("fabrik.watchdog.resumes", "{execution}", "ResumeStreaming sent for executions nobody streamed.");
        launchResends = meter.CreateCounter<long>(
            "fabrik.watchdog.launch_resends", "{execution}", "LaunchExecution sent again for executions pending without a launch attempt.");
        unknownLaunches = meter.CreateCounter<long>(
            "fabrik.watchdog.unknown_launches", "{execution}", "Executions set to error because their launch was attempted but its outcome never recorded.");
        vanishedJobs = meter.CreateCounter<long>("fabrik.watchdog.vanished_jobs", "{execution}", "Executions set to error because AWX no longer has their job.");
        finishesRepublished = meter.CreateCounter<long>(
            "fabrik.watchdog.finishes_republished", "{execution}",
            "ExecutionFinished published again for finished executions whose results were never parsed or whose workflow clone is still in AWX.");
        awxRefusals = meter.CreateCounter<long>("fabrik.watchdog.awx_refusals", "{sweep}", "Sweeps in which AWX refused the Watchdog's token (401 or 403).");
    }

    public void SweepCompleted() => sweeps.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));

    public void SweepSkipped() => sweeps.Add(1, new KeyValuePair<string, object?>("outcome", "skipped"));

    public void CheckFailed(string check) => checkFailures.Add(1, new KeyValuePair<string, object?>("check", check));

    public void Resumed() => resumes.Add(1);

    public void LaunchResent() => launchResends.Add(1);

    public void LaunchOutcomeUnknown() => unknownLaunches.Add(1);

    public void JobVanished() => vanishedJobs.Add(1);

    public void FinishRepublished() => finishesRepublished.Add(1);

    public void AwxRefused() => awxRefusals.Add(1);
}
