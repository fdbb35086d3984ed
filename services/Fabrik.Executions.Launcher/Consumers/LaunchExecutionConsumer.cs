using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Creates the execution for a portal request and launches its one AWX job. The request id makes the execution
/// unique and the launch claim makes the AWX job unique: however often the command arrives, AWX is asked once.
/// </summary>
public sealed class LaunchExecutionConsumer(
    ExecutionRepository executions,
    AwxJobLauncher launcher,
    ILogger<LaunchExecutionConsumer> logger) : IConsumer<LaunchExecution>
{
    public async Task Consume(ConsumeContext<LaunchExecution> context)
    {
        var command = context.Message;
        if (LaunchExecutionValidator.Validate(command) is { } rejection)
        {
            logger.LogWarning("Launch {ExecutionId} rejected: {Detail}", command.ExecutionId, rejection.Detail);
            await context.RespondAsync(rejection);
            return;
        }

        var (execution, created) = await executions.CreateAsync(ToNewExecution(command), context.CancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = execution.Id });

        // An execution found by its request id is launched here too when no delivery has claimed it yet (an earlier
        // delivery stopped between creating and claiming); the claim lets exactly one delivery call AWX.
        if (!await executions.ClaimLaunchAsync(execution.Id, context.CancellationToken))
        {
            var current = await executions.FindAsync(execution.Id, context.CancellationToken) ?? execution;
            logger.LogInformation("Request {RequestId} is already launched or being launched; status {Status}", command.RequestId, current.Status);
            await context.RespondAsync(Accepted(current.Id, current.Status, alreadyDone: true));
            return;
        }

        // From here AWX may create a job, so the outcome is recorded even if the service is stopping meanwhile.
        var status = await LaunchAsync(context, execution, CancellationToken.None);
        await context.RespondAsync(Accepted(execution.Id, status, alreadyDone: !created));
    }

    private async Task<ExecutionStatus> LaunchAsync(ConsumeContext context, ExecutionRecord execution, CancellationToken cancellationToken)
    {
        try
        {
            var job = await launcher.LaunchAsync(execution, cancellationToken);
            var launched = await executions.RecordLaunchedAsync(execution.Id, job.JobId, job.JobUrl, job.TemplateSnapshotJson, cancellationToken);
            if (launched is null)
            {
                logger.LogWarning("AWX job {AwxJobId} was launched but the execution had left pending meanwhile", job.JobId);
                return (await executions.FindAsync(execution.Id, cancellationToken))?.Status ?? ExecutionStatus.Pending;
            }

            logger.LogInformation("Launched job template {TemplateId} as AWX job {AwxJobId}", execution.TemplateId, job.JobId);
            await context.Publish(StatusChanged(launched, explanation: null), cancellationToken);
            await context.Publish(new ExecutionLaunched
            {
                ExecutionId = execution.Id,
                AwxJobId = job.JobId,
                Kind = TemplateKind.Job,
                AwxJobUrl = job.JobUrl,
                LaunchedAt = AsUtc(launched.ChangedAt),
            }, cancellationToken);
            return launched.Current;
        }
        catch (AwxLaunchFailedException failure)
        {
            logger.LogWarning(failure.InnerException, "Launch of job template {TemplateId} failed: {Explanation}", execution.TemplateId, failure.Message);
            var failed = await executions.TransitionAsync(
                execution.Id, [ExecutionStatus.Pending], ExecutionStatus.Error, failure.Message, cancellationToken);
            if (failed is null)
            {
                return (await executions.FindAsync(execution.Id, cancellationToken))?.Status ?? ExecutionStatus.Pending;
            }

            await context.Publish(StatusChanged(failed, failure.Message), cancellationToken);
            return failed.Current;
        }
    }

    private static NewExecution ToNewExecution(LaunchExecution command) => new()
    {
        Id = command.ExecutionId,
        RequestId = command.RequestId,
        Template = command.Template,
        ExtraVarsJson = command.ExtraVars.GetRawText(),
        LimitPattern = command.Limit,
        InventoryId = command.Inventory,
        CredentialIds = command.Credentials,
        LaunchedBy = command.LaunchedBy,
    };

    private static ExecutionStatusChanged StatusChanged(StatusTransition transition, string? explanation) => new()
    {
        ExecutionId = transition.ExecutionId,
        Status = transition.Current,
        PreviousStatus = transition.Previous,
        Explanation = explanation,
        AwxJobId = transition.AwxJobId,
        ChangedAt = AsUtc(transition.ChangedAt),
    };

    private static ExecutionAccepted Accepted(Guid executionId, ExecutionStatus status, bool alreadyDone) =>
        new() { ExecutionId = executionId, Status = status, AlreadyDone = alreadyDone };

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
