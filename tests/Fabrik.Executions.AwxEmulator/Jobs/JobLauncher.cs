using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Launch;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>Turns an accepted launch into a job and sets it moving; the template's engine may still refuse the launch.</summary>
internal sealed class JobLauncher(JobRegistry jobs, JobLifecycle lifecycle)
{
    public const string Manual = "manual";
    public const string Relaunch = "relaunch";
    public const string Workflow = "workflow";

    public (EmulatedJob? Job, FieldErrors Errors) Launch(JobTemplateDefinition template, LaunchRequest request, string launchType)
    {
        var preparation = template.Engine.Prepare(request);
        if (preparation.Run is null)
        {
            return (null, preparation.Errors);
        }
        var job = jobs.Create(template, request, preparation.Run, launchType);
        lifecycle.Start(job);
        return (job, preparation.Errors);
    }

    /// <summary>A workflow node's job: AWX creates it even when the launch is refused, and fails it with the reason.</summary>
    public EmulatedJob LaunchForWorkflow(JobTemplateDefinition template, LaunchRequest request, EmulatedWorkflowJob sourceWorkflowJob)
    {
        var preparation = template.Engine.Prepare(request);
        var run = preparation.Run ?? new RefusedPlaybookRun(preparation.Errors.Describe());
        var job = jobs.Create(template, request, run, Workflow, sourceWorkflowJob);
        lifecycle.Start(job);
        return job;
    }
}
