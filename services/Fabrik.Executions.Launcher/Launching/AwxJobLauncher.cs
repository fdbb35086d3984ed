using System.Net;
using System.Text.Json;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// Launches an execution's job template in AWX, once: the AWX client never retries the launch POST, and every way
/// it can fail becomes an <see cref="AwxLaunchFailedException"/> whose message says whether AWX may have created a job.
/// </summary>
public sealed class AwxJobLauncher(AwxClient awx)
{
    public async Task<LaunchedJob> LaunchAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var template = await ReadTemplateAsync(execution.TemplateId, cancellationToken);
        var jobId = await SubmitAsync(execution, cancellationToken);
        return new LaunchedJob(jobId, awx.JobUiUrl(workflow: false, jobId).ToString(), template.GetRawText());
    }

    private async Task<JsonElement> ReadTemplateAsync(int templateId, CancellationToken cancellationToken)
    {
        try
        {
            return await awx.Api.GetJobTemplateAsync(templateId, cancellationToken);
        }
        catch (ApiException exception)
        {
            throw new AwxLaunchFailedException(
                $"Job template {templateId} could not be read, so nothing was launched: {AwxErrorText.Describe(exception)}", exception);
        }
        catch (Exception exception) when (AwxNoAnswer.Is(exception, cancellationToken))
        {
            throw new AwxLaunchFailedException(
                $"AWX did not answer when job template {templateId} was read ({AwxNoAnswer.Summarize(exception)}), so nothing was launched.", exception);
        }
    }

    private async Task<long> SubmitAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        var templateId = execution.TemplateId;
        var mayHaveCreated = $"AWX may or may not have created a job: check its jobs of template {templateId} before launching again.";
        try
        {
            var response = await awx.Api.LaunchJobTemplateAsync(templateId, ToLaunchRequest(execution), cancellationToken);
            return response.Job > 0
                ? response.Job
                : throw new AwxLaunchFailedException($"AWX's answer to the launch of job template {templateId} named no job. {mayHaveCreated}");
        }
        catch (ApiException exception) when (IsRefusal(exception.StatusCode))
        {
            throw new AwxLaunchFailedException($"AWX refused to launch job template {templateId}: {AwxErrorText.Describe(exception)}", exception);
        }
        catch (ApiException exception)
        {
            throw new AwxLaunchFailedException(
                $"The launch of job template {templateId} failed: {AwxErrorText.Describe(exception)} {mayHaveCreated}", exception);
        }
        catch (Exception exception) when (AwxNoAnswer.Is(exception, cancellationToken))
        {
            throw new AwxLaunchFailedException(
                $"AWX did not answer the launch of job template {templateId} ({AwxNoAnswer.Summarize(exception)}). {mayHaveCreated}", exception);
        }
    }

    private static AwxLaunchRequest ToLaunchRequest(ExecutionRecord execution)
    {
        using var extraVars = JsonDocument.Parse(execution.ExtraVars);
        return new AwxLaunchRequest
        {
            ExtraVars = extraVars.RootElement.Clone(),
            Limit = execution.LimitPattern,
            Inventory = execution.InventoryId,
            Credentials = execution.CredentialIds.Length == 0 ? null : execution.CredentialIds,
        };
    }

    /// <summary>4xx answers mean AWX looked at the launch and created no job.</summary>
    private static bool IsRefusal(HttpStatusCode status) => (int)status is >= 400 and < 500;
}
