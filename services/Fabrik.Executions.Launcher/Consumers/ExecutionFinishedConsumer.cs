using Fabrik.Executions.Contracts;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Removes a finished workflow execution's ephemeral clone from AWX. Idempotent: a clone already removed, or one
/// AWX no longer has, needs nothing more. A removal AWX did not carry out faults and is retried by the definition.
/// </summary>
public sealed class ExecutionFinishedConsumer(ExecutionRepository executions, WorkflowCloneRemover remover) : IConsumer<ExecutionFinished>
{
    public async Task Consume(ConsumeContext<ExecutionFinished> context)
    {
        var execution = await executions.FindAsync(context.Message.ExecutionId, context.CancellationToken);
        if (execution is { AwxWorkflowCloneId: { } cloneId, CloneRemovedAt: null })
        {
            await remover.RemoveAsync(execution.Id, cloneId, context.CancellationToken);
        }
    }
}
