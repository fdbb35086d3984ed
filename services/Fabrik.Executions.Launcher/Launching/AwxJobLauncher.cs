using System.Text.Json;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// Launches an execution's job template in AWX, once: the AWX client never retries the launch POST, and every way
/// it can fail becomes an <see cref="AwxLaunchFailedException"/> whose message says whether AWX may have created a job.
/// The template is frozen on the execution as soon as it is read, so a launch AWX refuses still shows what was asked.
/// </summary>
public sealed class AwxJobLauncher(AwxClient awx, ExecutionRepository executions)
{
    public async Task<LaunchedJob> LaunchAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var templateId = execution.TemplateId;
        var template = await AwxLaunchCalls.ReadAsync(
            () => awx.Api.GetJobTemplateAsync(templateId, cancellationToken), $"Job template {templateId}", cancellationToken);
        await executions.FreezeTemplateSnapshotAsync(execution.Id, template.GetRawText(), cancellationToken);
        var response = await AwxLaunchCalls.ChangeAsync(
            () => awx.Api.LaunchJobTemplateAsync(templateId, ToLaunchRequest(execution), cancellationToken),
            $"launch job template {templateId}", MayHaveCreated(templateId), cancellationToken);
        var jobId = response.Job > 0
            ? response.Job
            : throw new AwxLaunchFailedException($"AWX's answer to the launch of job template {templateId} named no job. {MayHaveCreated(templateId)}");
        return new LaunchedJob(jobId, awx.JobUiUrl(workflow: false, jobId).ToString());
    }

    /// <summary>What AWX is asked to launch with: the execution's extra vars, limit, inventory and, when given, credentials.</summary>
    public static AwxLaunchRequest ToLaunchRequest(ExecutionRecord execution, bool withCredentials = true)
    {
        using var extraVars = JsonDocument.Parse(execution.ExtraVars);
        return new AwxLaunchRequest
        {
            ExtraVars = extraVars.RootElement.Clone(),
            Limit = execution.LimitPattern,
            Inventory = execution.InventoryId,
            Credentials = !withCredentials || execution.CredentialIds.Length == 0 ? null : execution.CredentialIds,
        };
    }

    private static string MayHaveCreated(int templateId) =>
        $"AWX may or may not have created a job: check its jobs of template {templateId} before launching again.";
}
