using System.Collections.Concurrent;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Launch;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Jobs;

internal sealed class JobRegistry(EmulatorIds ids, TimeProvider time)
{
    private readonly ConcurrentDictionary<int, EmulatedJob> _jobs = new();

    public EmulatedJob Create(
        JobTemplateDefinition template, LaunchRequest request, IPlaybookRun run, string launchType, EmulatedWorkflowJob? sourceWorkflowJob = null)
    {
        var job = new EmulatedJob((int)ids.Jobs.Next(), template, request, run, launchType, time.GetUtcNow())
        {
            SourceWorkflowJob = sourceWorkflowJob,
        };
        _jobs[job.Id] = job;
        return job;
    }

    public EmulatedJob? Find(int id) => _jobs.GetValueOrDefault(id);

    public IReadOnlyList<EmulatedJob> All() => [.. _jobs.Values.OrderBy(job => job.Id)];

    public IReadOnlyList<EmulatedJob> OfTemplate(int templateId) =>
        [.. _jobs.Values.Where(job => job.Template.Id == templateId).OrderBy(job => job.Id)];
}
