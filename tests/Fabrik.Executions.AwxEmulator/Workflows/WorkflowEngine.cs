using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>
/// Launches workflow jobs and runs AWX's workflow manager over each: spawn the nodes that may run, mark the ones that
/// never will do_not_run, and end the workflow job by AWX's rules once every node is decided.
/// </summary>
internal sealed class WorkflowEngine(
    WorkflowTemplateStore store,
    WorkflowJobRegistry registry,
    JobTemplateCatalog jobTemplates,
    JobLauncher jobLauncher,
    JobLifecycle lifecycle,
    EmulatorIds ids,
    AwxEmulatorOptions options,
    TimeProvider time,
    ILogger<WorkflowEngine> logger)
{
    public const string NoErrorHandlingPath = "No error handling paths found, marking workflow as failed";

    private static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(20);

    public EmulatedWorkflowJob Launch(
        WorkflowTemplate template, JsonElement extraVars, string launchType, IReadOnlyDictionary<string, JsonElement> ignoredFields,
        EmulatedWorkflowJob? sourceWorkflowJob = null)
    {
        var now = time.GetUtcNow();
        var templateNodes = store.NodesOf(template.Id) ?? [];
        var newIds = templateNodes.ToDictionary(node => node.Id, _ => (int)ids.WorkflowJobNodes.Next());
        var nodes = templateNodes.Select(node => new WorkflowJobNode(
            newIds[node.Id],
            node.Settings,
            node.Settings.UnifiedJobTemplateId is { } templateId ? store.Describe(templateId) : null,
            NodeEdges.Translated(node.Children, child => newIds[child]),
            now)).ToList();
        var combinedVars = NodeLaunchVariables.Combine(template.ExtraVars, extraVars);
        var workflowJob = new EmulatedWorkflowJob((int)ids.Jobs.Next(), template, combinedVars, launchType, sourceWorkflowJob, nodes, ignoredFields, now);
        registry.Add(workflowJob);
        if (RecursionOf(workflowJob) is { } recursion)
        {
            workflowJob.Finish(JobStatus.Failed, recursion, now);
        }
        else
        {
            lifecycle.Run(stopping => DriveAsync(workflowJob, stopping));
        }
        return workflowJob;
    }

    // AWX refuses to start a workflow job whose template already runs further up the chain of workflows that spawned it.
    private static string? RecursionOf(EmulatedWorkflowJob workflowJob)
    {
        var ancestors = new List<WorkflowTemplate>();
        for (var parent = workflowJob.SourceWorkflowJob; parent is not null; parent = parent.SourceWorkflowJob)
        {
            ancestors.Add(parent.Template);
        }
        if (!ancestors.Any(ancestor => ancestor.Id == workflowJob.Template.Id))
        {
            return null;
        }
        var spawnOrder = string.Join(", ", ancestors.Prepend(workflowJob.Template).Select(template => $"<{template.Name}>"));
        return $"Workflow Job spawned from workflow could not start because it would result in recursion (spawn order, most recent first: {spawnOrder})";
    }

    private async Task DriveAsync(EmulatedWorkflowJob workflowJob, CancellationToken stopping)
    {
        try
        {
            // AWX's task manager starts a workflow job without dispatching it: pending, then running.
            await Task.Delay(TimeSpan.FromMilliseconds(options.PendingDelayMs), time, stopping);
            if (!workflowJob.TryAdvance(JobStatus.Running, time.GetUtcNow()))
            {
                return;
            }
            while (!Pass(workflowJob))
            {
                await Task.Delay(PassInterval, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            workflowJob.Finish(JobStatus.Error, "The emulator stopped while the workflow job ran.", time.GetUtcNow());
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Workflow job {WorkflowJobId} failed inside the emulator", workflowJob.Id);
            workflowJob.Finish(JobStatus.Error, "The emulator failed to run the workflow job.", time.GetUtcNow());
        }
    }

    /// <summary>One pass of AWX's WorkflowManager.spawn_workflow_graph_jobs; true once the workflow job is over.</summary>
    private bool Pass(EmulatedWorkflowJob workflowJob)
    {
        var now = time.GetUtcNow();
        return workflowJob.Update((nodes, state) =>
        {
            foreach (var approval in nodes.Select(node => node.Job).OfType<EmulatedApproval>())
            {
                approval.ExpireIfDue(now);
            }
            if (state.Status != JobStatus.Running)
            {
                return (state.Status.IsTerminal(), state);
            }
            if (state.CancelRequested)
            {
                return CancelPass(nodes, state, now);
            }
            var dag = new WorkflowDag(nodes, now);
            dag.MarkDoNotRun();
            if (dag.IsDone())
            {
                var failed = dag.HasFailed();
                return (true, state with
                {
                    Status = failed ? JobStatus.Failed : JobStatus.Successful,
                    Modified = now,
                    Finished = now,
                    JobExplanation = failed ? NoErrorHandlingPath : "",
                });
            }
            foreach (var node in dag.NodesToRun())
            {
                Spawn(workflowJob, node, nodes, now);
            }
            return (false, state);
        });
    }

    // AWX: nodes not started never will; spawned jobs are canceled; the workflow job is canceled once they all ended.
    private static (bool Over, WorkflowJobState State) CancelPass(List<WorkflowJobNode> nodes, WorkflowJobState state, DateTimeOffset now)
    {
        var allEnded = true;
        foreach (var node in nodes)
        {
            if (node.Job is null)
            {
                node.DoNotRun = true;
            }
            else if (node.Job.TryCancel(now))
            {
                allEnded = false;
            }
        }
        return allEnded
            ? (true, state with { Status = JobStatus.Canceled, Modified = now, Finished = now })
            : (false, state);
    }

    private void Spawn(EmulatedWorkflowJob workflowJob, WorkflowJobNode node, List<WorkflowJobNode> nodes, DateTimeOffset now)
    {
        var parents = nodes.Where(parent => parent.Edges.AllChildren.Contains(node.Id)).OrderBy(parent => parent.Id).ToList();
        var ancestorArtifacts = NodeLaunchVariables.AncestorArtifactsOf(parents);
        if (parents.Count > 0)
        {
            node.AncestorArtifacts = ancestorArtifacts;
        }
        var template = node.Template!;
        var extraVars = NodeLaunchVariables.For(template.Kind, node.Settings.ExtraData, ancestorArtifacts, workflowJob.ExtraVars);
        node.Job = template.Kind switch
        {
            UnifiedTemplateKind.JobTemplate when jobTemplates.Find(template.Id) is { } jobTemplate => new PlaybookNodeJob(
                jobLauncher.LaunchForWorkflow(jobTemplate, LaunchRequestOf(node, extraVars), workflowJob)),
            UnifiedTemplateKind.WorkflowTemplate when store.FindTemplate(template.Id) is { } nested =>
                Launch(nested, extraVars, JobLauncher.Workflow, new Dictionary<string, JsonElement>(), workflowJob),
            UnifiedTemplateKind.ApprovalTemplate when store.FindApprovalTemplate(template.Id) is { } approvalTemplate =>
                CreateApproval(approvalTemplate, workflowJob, now),
            _ => null,
        };
        if (node.Job is null)
        {
            // The template was deleted after the launch: AWX's foreign key is nulled and the node counts as failed.
            node.Template = null;
        }
        node.Modified = now;
    }

    private static LaunchRequest LaunchRequestOf(WorkflowJobNode node, JsonElement extraVars) => new()
    {
        ExtraVars = extraVars,
        Limit = node.Settings.Limit ?? "",
        CredentialIds = node.Settings.CredentialIds,
    };

    private EmulatedApproval CreateApproval(ApprovalTemplate template, EmulatedWorkflowJob workflowJob, DateTimeOffset now)
    {
        var approval = new EmulatedApproval((int)ids.Jobs.Next(), template, workflowJob, now);
        registry.Add(approval);
        return approval;
    }
}
