using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary><c>summary_fields.source_workflow_job</c> of a job, workflow job or approval a workflow spawned.</summary>
internal sealed record SourceWorkflowJobSummary(int Id, string Name, string Description, JobStatus Status, bool Failed, double Elapsed)
{
    public static SourceWorkflowJobSummary? Of(EmulatedWorkflowJob? workflowJob, DateTimeOffset now)
    {
        if (workflowJob is null)
        {
            return null;
        }
        var state = workflowJob.StateAt(now);
        return new(workflowJob.Id, workflowJob.Name, workflowJob.Description, state.Status, state.Status.CountsAsFailed(), state.Elapsed);
    }
}
