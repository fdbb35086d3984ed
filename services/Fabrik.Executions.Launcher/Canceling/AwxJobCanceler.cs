using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Launching;
using Refit;

namespace Fabrik.Executions.Launcher.Canceling;

/// <summary>
/// Asks AWX to cancel a job (<c>POST /api/v2/jobs/{id}/cancel/</c>) or a workflow job
/// (<c>POST /api/v2/workflow_jobs/{id}/cancel/</c>, which cancels the jobs its nodes run). Asking twice is harmless,
/// so a repeated cancel simply asks again; AWX's 405 means the job had already finished.
/// </summary>
public sealed class AwxJobCanceler(AwxClient awx)
{
    public async Task<AwxCancelOutcome> CancelAsync(TemplateKind kind, long jobId, CancellationToken cancellationToken)
    {
        try
        {
            await (kind == TemplateKind.Workflow
                ? awx.Api.CancelWorkflowJobAsync(jobId, cancellationToken)
                : awx.Api.CancelJobAsync(jobId, cancellationToken));
            return AwxCancelOutcome.Requested;
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            return AwxCancelOutcome.AlreadyFinished;
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return AwxCancelOutcome.Vanished;
        }
        catch (ApiException exception)
        {
            throw new AwxCancelFailedException(
                $"The cancel of AWX job {jobId} failed: {AwxErrorText.Describe(exception)}", (int)exception.StatusCode is >= 400 and < 500, exception);
        }
        catch (Exception exception) when (AwxNoAnswer.Is(exception, cancellationToken))
        {
            throw new AwxCancelFailedException(
                $"AWX did not answer the cancel of job {jobId} ({AwxNoAnswer.Summarize(exception)}).", refused: false, exception);
        }
    }
}
