using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// Stands in for the Launcher with its contract: creates the execution (idempotent on the request id) and answers
/// <see cref="ExecutionAccepted"/>, or refuses templates the tests reserve for refusals, storing nothing.
/// </summary>
internal sealed class StandInLauncher(ExecutionRepository executions, ConcurrentQueue<LaunchExecution> received)
    : IConsumer<LaunchExecution>
{
    /// <summary>Template ids the stand-in refuses, with the reason it gives.</summary>
    public static readonly IReadOnlyDictionary<int, RejectionReason> Refusals = new Dictionary<int, RejectionReason>
    {
        [4000] = RejectionReason.Invalid,
        [4004] = RejectionReason.NotFound,
        [4009] = RejectionReason.Conflict,
        [4022] = RejectionReason.Unprocessable,
    };

    /// <summary>A template id the stand-in never answers for, as a Launcher that is down.</summary>
    public const int SilentTemplateId = 5030;

    public async Task Consume(ConsumeContext<LaunchExecution> context)
    {
        var command = context.Message;
        received.Enqueue(command);
        if (command.Template.Id == SilentTemplateId)
        {
            return;
        }

        if (Refusals.TryGetValue(command.Template.Id, out var reason))
        {
            await context.RespondAsync(new CommandRejected
            {
                ExecutionId = command.ExecutionId,
                Reason = reason,
                Detail = $"Template {command.Template.Id} refused as {reason}.",
            });
            return;
        }

        var (execution, created) = await executions.CreateAsync(new NewExecution
        {
            Id = command.ExecutionId,
            RequestId = command.RequestId,
            Template = command.Template,
            ExtraVarsJson = command.ExtraVars.GetRawText(),
            LimitPattern = command.Limit,
            InventoryId = command.Inventory,
            CredentialIds = command.Credentials,
            LaunchedBy = command.LaunchedBy,
        }, context.CancellationToken);
        await context.RespondAsync(new ExecutionAccepted
        {
            ExecutionId = execution.Id,
            Status = execution.Status,
            AlreadyDone = !created,
        });
    }
}
