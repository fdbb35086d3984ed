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
    ExecutionLaunch launch,
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

        // An execution found by its request id is launched here too when no delivery has claimed it yet (an earlier
        // delivery stopped between creating and claiming).
        var (execution, _) = await executions.CreateAsync(ToNewExecution(command), context.CancellationToken);
        await context.RespondAsync(await launch.LaunchOnceAsync(context, execution));
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
}
