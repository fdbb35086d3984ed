using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// Launches a workflow execution as seed 000 does: copies the workflow job template to an ephemeral clone named for
/// the execution, keeps only the nodes the plan keeps, binds the execution's credentials on every job node of the
/// clone (so the workflow never runs without them, relaunches included), and launches the clone. The clone is
/// recorded on the execution as soon as it exists, so it is removed once the workflow finished; a launch that fails
/// after the copy removes it at once. The template is frozen on the execution as soon as it is read.
/// </summary>
public sealed partial class AwxWorkflowLauncher(
    AwxClient awx,
    ExecutionRepository executions,
    WorkflowCloneRepository clones,
    WorkflowCloneRemover remover,
    ILogger<AwxWorkflowLauncher> logger)
{
    /// <summary>AWX's node type for a node that runs a job template; only those take credentials.</summary>
    private const string JobNodeType = "job";

    /// <summary>AWX's longest template name.</summary>
    private const int MaxNameLength = 512;

    public async Task<LaunchedJob> LaunchAsync(ExecutionRecord execution, WorkflowClonePlan plan, CancellationToken cancellationToken)
    {
        var templateId = execution.TemplateId;
        var template = await AwxLaunchCalls.ReadAsync(
            () => awx.Api.GetWorkflowTemplateAsync(templateId, cancellationToken), $"Workflow job template {templateId}", cancellationToken);
        await executions.FreezeTemplateSnapshotAsync(execution.Id, template.GetRawText(), cancellationToken);
        var clone = await AwxLaunchCalls.ChangeAsync(
            () => awx.Api.CopyWorkflowTemplateAsync(templateId, new AwxCopyRequest { Name = CloneName(execution) }, cancellationToken),
            $"copy workflow job template {templateId}",
            $"AWX may have created the copy '{CloneName(execution)}': remove it there before launching again.", cancellationToken);
        if (clone.Id <= 0)
        {
            throw new AwxLaunchFailedException($"AWX's answer to the copy of workflow job template {templateId} named no template.");
        }

        await clones.RecordCloneAsync(execution.Id, clone.Id, cancellationToken);
        try
        {
            await PrepareAsync(execution, clone.Id, plan, cancellationToken);
            var launched = await AwxLaunchCalls.ChangeAsync(
                () => awx.Api.LaunchWorkflowTemplateAsync(clone.Id, AwxJobLauncher.ToLaunchRequest(execution, withCredentials: false), cancellationToken),
                $"launch workflow job template {clone.Id} (the clone of {templateId})",
                $"AWX may or may not have created a workflow job: check the jobs of workflow job template {clone.Id} before launching again.",
                cancellationToken);
            if (launched.WorkflowJob <= 0)
            {
                throw new AwxLaunchFailedException($"AWX's answer to the launch of workflow job template {clone.Id} named no workflow job.");
            }

            LogCloneLaunched(logger, execution.Id, templateId, clone.Id, launched.WorkflowJob);
            return new LaunchedJob(launched.WorkflowJob, awx.JobUiUrl(workflow: true, launched.WorkflowJob).ToString());
        }
        catch (AwxLaunchFailedException)
        {
            await remover.RemoveQuietlyAsync(execution.Id, clone.Id, cancellationToken);
            throw;
        }
    }

    private async Task PrepareAsync(ExecutionRecord execution, int cloneId, WorkflowClonePlan plan, CancellationToken cancellationToken)
    {
        var nodes = await AwxLaunchCalls.ReadAsync(
            () => awx.ReadWorkflowTemplateNodesAsync(cloneId, cancellationToken), $"The nodes of workflow job template {cloneId}", cancellationToken);
        foreach (var node in nodes.Where(node => !plan.Keeps(node.Identifier)))
        {
            await AwxLaunchCalls.ChangeAsync(
                async () => { await awx.Api.DeleteWorkflowTemplateNodeAsync(node.Id, cancellationToken); return node.Id; },
                $"remove node {node.Id} ({node.Identifier}) from workflow job template {cloneId}", "", cancellationToken);
        }

        foreach (var node in nodes.Where(node => plan.Keeps(node.Identifier) && node.UnifiedJobType == JobNodeType))
        {
            foreach (var credentialId in execution.CredentialIds)
            {
                await AwxLaunchCalls.ChangeAsync(
                    async () => { await awx.Api.AddWorkflowTemplateNodeCredentialAsync(node.Id, new AwxRelatedId { Id = credentialId }, cancellationToken); return node.Id; },
                    $"bind credential {credentialId} on node {node.Id} of workflow job template {cloneId}", "", cancellationToken);
            }
        }
    }

    /// <summary>Says whose it is and for which execution, so an AWX admin who finds a leftover knows what it was.</summary>
    public static string CloneName(ExecutionRecord execution)
    {
        var name = $"Fabrik execution {execution.Id}: {execution.TemplateName}";
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength];
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Execution {ExecutionId}: workflow job template {TemplateId} cloned as {CloneId} and launched as workflow job {WorkflowJobId}")]
    private static partial void LogCloneLaunched(ILogger logger, Guid executionId, int templateId, int cloneId, long workflowJobId);
}
