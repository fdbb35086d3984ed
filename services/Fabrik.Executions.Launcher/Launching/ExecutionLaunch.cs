using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Canceling;
using Fabrik.Executions.Launcher.Relaunching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher.Launching;

/// <summary>
/// The one launch path, for originals and relaunches alike: the launch claim lets exactly one delivery call AWX, the
/// outcome is recorded and published, and a cancel that arrived while AWX was being asked is passed on to the job AWX
/// created.
/// </summary>
public sealed partial class ExecutionLaunch(
    ExecutionRepository executions,
    AwxJobLauncher launcher,
    AwxWorkflowLauncher workflowLauncher,
    WorkflowClonePlanner clonePlanner,
    AwxJobCanceler canceler,
    ILogger<ExecutionLaunch> logger)
{
    /// <summary>Launches <paramref name="execution"/> unless a delivery already claimed its launch, and answers how it stands.</summary>
    /// <remarks>
    /// The delivery that wins the claim is the one that did something new, whichever delivery created the row: two
    /// concurrent deliveries may split creating and launching between them.
    /// </remarks>
    /// <param name="context">The command being consumed, to publish with.</param>
    /// <param name="execution">The execution, as stored by this delivery or found by it.</param>
    public async Task<ExecutionAccepted> LaunchOnceAsync(ConsumeContext context, ExecutionRecord execution)
    {
        if (!await executions.ClaimLaunchAsync(execution.Id, context.CancellationToken))
        {
            var current = await executions.FindAsync(execution.Id, context.CancellationToken) ?? execution;
            LogAlreadyClaimed(logger, execution.Id, current.Status);
            return LauncherMessages.Accepted(current.Id, current.Status, alreadyDone: true);
        }

        // From here AWX may create a job, so the outcome is recorded even if the service is stopping meanwhile.
        var status = await LaunchAsync(context, execution, CancellationToken.None);
        return LauncherMessages.Accepted(execution.Id, status, alreadyDone: false);
    }

    private async Task<ExecutionStatus> LaunchAsync(ConsumeContext context, ExecutionRecord execution, CancellationToken cancellationToken)
    {
        try
        {
            var job = execution.TemplateKind == TemplateKind.Workflow
                ? await workflowLauncher.LaunchAsync(execution, await clonePlanner.PlanAsync(execution, cancellationToken), cancellationToken)
                : await launcher.LaunchAsync(execution, cancellationToken);
            var launched = await executions.RecordLaunchedAsync(execution.Id, job.JobId, job.JobUrl, cancellationToken);
            if (launched is null)
            {
                LogLeftPending(logger, execution.Id, job.JobId);
                return (await executions.FindAsync(execution.Id, cancellationToken))?.Status ?? ExecutionStatus.Pending;
            }

            LogLaunched(logger, execution.Id, execution.TemplateId, job.JobId);
            await context.Publish(launched.ToMessage(explanation: null), cancellationToken);
            await context.Publish(new ExecutionLaunched
            {
                ExecutionId = execution.Id,
                AwxJobId = job.JobId,
                Kind = execution.TemplateKind,
                AwxJobUrl = job.JobUrl,
                LaunchedAt = DatabaseTime.AsUtc(launched.ChangedAt),
            }, cancellationToken);
            await PassOnCancelAsync(execution, job.JobId, cancellationToken);
            return launched.Current;
        }
        catch (AwxLaunchFailedException failure)
        {
            LogLaunchFailed(logger, failure.InnerException, execution.Id, execution.TemplateId, failure.Message);
            var failed = await executions.TransitionAsync(
                execution.Id, [ExecutionStatus.Pending], ExecutionStatus.Error, failure.Message, cancellationToken);
            if (failed is null)
            {
                return (await executions.FindAsync(execution.Id, cancellationToken))?.Status ?? ExecutionStatus.Pending;
            }

            await context.Publish(failed.ToMessage(failure.Message), cancellationToken);
            return failed.Current;
        }
    }

    /// <summary>
    /// A cancel that found the launch under way was only recorded; now that the job exists it goes to AWX. When AWX
    /// cannot be reached the operator is told on the execution, where a repeated cancel asks AWX again.
    /// </summary>
    private async Task PassOnCancelAsync(ExecutionRecord execution, long jobId, CancellationToken cancellationToken)
    {
        var executionId = execution.Id;
        if (await executions.FindAsync(executionId, cancellationToken) is not { CancelRequestedBy: { } requestedBy })
        {
            return;
        }

        try
        {
            var outcome = await canceler.CancelAsync(execution.TemplateKind, jobId, cancellationToken);
            LogCancelPassedOn(logger, executionId, jobId, requestedBy, outcome);
        }
        catch (AwxCancelFailedException failure)
        {
            LogCancelNotPassedOn(logger, failure, executionId, jobId, requestedBy);
            await executions.ExplainAsync(
                executionId, $"{failure.Message} The cancel {requestedBy} asked for during the launch is not carried out: cancel again.", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId} is already launched or being launched; status {Status}")]
    private static partial void LogAlreadyClaimed(ILogger logger, Guid executionId, ExecutionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX job {AwxJobId} was launched but execution {ExecutionId} had left pending meanwhile")]
    private static partial void LogLeftPending(ILogger logger, Guid executionId, long awxJobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Launched execution {ExecutionId} of template {TemplateId} as AWX job {AwxJobId}")]
    private static partial void LogLaunched(ILogger logger, Guid executionId, int templateId, long awxJobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Launch of execution {ExecutionId} of template {TemplateId} failed: {Explanation}")]
    private static partial void LogLaunchFailed(ILogger logger, Exception? exception, Guid executionId, int templateId, string explanation);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Cancel of execution {ExecutionId} by {RequestedBy}, asked during its launch, passed on to AWX job {AwxJobId}: {Outcome}")]
    private static partial void LogCancelPassedOn(ILogger logger, Guid executionId, long awxJobId, string requestedBy, AwxCancelOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Cancel of execution {ExecutionId} by {RequestedBy}, asked during its launch, could not be passed on to AWX job {AwxJobId}")]
    private static partial void LogCancelNotPassedOn(ILogger logger, Exception exception, Guid executionId, long awxJobId, string requestedBy);
}
