using System.Globalization;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

internal sealed class SyntheticPlaybookRun(SyntheticPlan plan, string limit, JobEventIngestor ingestor, TimeProvider time) : IPlaybookRun
{
    public SyntheticPlan Plan => plan;

    public async Task<PlaybookOutcome> ExecuteAsync(EmulatedJob job, CancellationToken stopping)
    {
        job.RecordInvocation(Invocation(job.Id));
        var pacer = new EventPacer(plan.Settings.EventsPerSecond, time);
        var tasksStarted = 0;
        foreach (var step in new SyntheticEventStream(plan, time).Steps())
        {
            // Ansible is interrupted between tasks: the current task finishes on every host, nothing follows.
            if (step.StartsTask && job.IsCancelRequested)
            {
                return new PlaybookOutcome(JobStatus.Canceled);
            }
            // The worker is lost once the first task has run on every host: the job has output, but no stats.
            if (step.StartsTask && ++tasksStarted > 1 && plan.Settings.Error is { } error)
            {
                return PlaybookOutcome.WorkerError(error);
            }
            await pacer.WaitForTurnAsync(stopping);
            ingestor.Ingest(job, step.Event with { Created = time.GetUtcNow() });
        }
        return plan.HasFailedHosts && !plan.Settings.TolerateFailures
            ? new PlaybookOutcome(JobStatus.Failed)
            : new PlaybookOutcome(JobStatus.Successful);
    }

    private JobInvocation Invocation(int jobId)
    {
        List<string> args = ["ansible-playbook", "-i", "/runner/inventory/hosts", "-e", "@/runner/env/extravars"];
        if (limit.Length > 0)
        {
            args.AddRange(["--limit", limit]);
        }
        args.Add(SyntheticEventStream.Playbook);
        return new JobInvocation(args, "/runner/project", new Dictionary<string, string>
        {
            ["ANSIBLE_FORCE_COLOR"] = "True",
            ["ANSIBLE_STDOUT_CALLBACK"] = "awx_display",
            ["JOB_ID"] = jobId.ToString(CultureInfo.InvariantCulture),
        });
    }
}
