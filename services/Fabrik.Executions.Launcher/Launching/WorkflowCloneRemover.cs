using System.Net;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;
using Refit;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// Removes a workflow execution's ephemeral clone from AWX and records that it is gone. A clone AWX no longer has
/// counts as removed, so removing twice is harmless.
/// </summary>
public sealed partial class WorkflowCloneRemover(AwxClient awx, WorkflowCloneRepository clones, ILogger<WorkflowCloneRemover> logger)
{
    /// <summary>Removes the clone; throws when AWX did not remove it, so the caller can try again.</summary>
    public async Task RemoveAsync(Guid executionId, int cloneId, CancellationToken cancellationToken)
    {
        try
        {
            await awx.Api.DeleteWorkflowTemplateAsync(cloneId, cancellationToken);
        }
        catch (ApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: removed by an earlier delivery, or by an AWX admin.
        }
        catch (ApiException exception)
        {
            LogRefused(logger, executionId, cloneId, AwxErrorText.Describe(exception));
            throw;
        }

        await clones.MarkRemovedAsync(executionId, cancellationToken);
        LogRemoved(logger, executionId, cloneId);
    }

    /// <summary>Removes the clone of a launch that failed; a clone that stays is logged with its id, for an AWX admin to remove.</summary>
    public async Task RemoveQuietlyAsync(Guid executionId, int cloneId, CancellationToken cancellationToken)
    {
        try
        {
            await RemoveAsync(executionId, cloneId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotRemoved(logger, exception, executionId, cloneId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed workflow clone {CloneId} of execution {ExecutionId} from AWX")]
    private static partial void LogRemoved(ILogger logger, Guid executionId, int cloneId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX did not remove workflow clone {CloneId} of execution {ExecutionId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid executionId, int cloneId, string reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Workflow clone {CloneId} of execution {ExecutionId} could not be removed from AWX; remove workflow job template {CloneId} there")]
    private static partial void LogNotRemoved(ILogger logger, Exception exception, Guid executionId, int cloneId);
}
