using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// The poller's part of an execution's status: <c>waiting → running → terminal</c>, each change stored with a
/// conditional update and published once it took effect, and the finish with what the copy ended with. Only storing a
/// change can be cancelled: once stored, it is announced whatever cancels the stream (a handover, a shutdown), since
/// whoever holds the execution next finds the change made and does not announce it again. The publisher bounds the wait.
/// </summary>
public sealed class ExecutionLifecycle(StreamContext context, ExecutionRecord execution)
{
    // A finish stored but not announced (the broker was down): the next attempt announces it, since the stored status
    // no longer changes and would not say so again.
    private StatusTransition? unannouncedFinish;

    public ExecutionStatus Status { get; private set; } = execution.Status;

    public async Task MoveToRunningAsync(CancellationToken cancellationToken)
    {
        var transition = await context.Executions.TransitionAsync(execution.Id, [ExecutionStatus.Waiting], ExecutionStatus.Running, null, cancellationToken);
        if (transition is not null)
        {
            await PublishStatusChangedAsync(transition, null);
            return;
        }

        Status = (await context.Executions.FindAsync(execution.Id, cancellationToken))?.Status ?? Status;
    }

    /// <summary>Stores the terminal status with the copy's final state and publishes the change and <see cref="ExecutionFinished"/>; false when it was already terminal.</summary>
    public async Task<bool> FinishAsync(ExecutionFinished finished, string? explanation, int taskCount, CancellationToken cancellationToken)
    {
        var transition = await context.Executions.FinishAsync(
            execution.Id, finished.Status, explanation, finished.FinalCounter, finished.MissingCounters, finished.Complete, taskCount, cancellationToken)
            ?? unannouncedFinish;
        if (transition is null)
        {
            return false;
        }

        unannouncedFinish = transition;
        await PublishStatusChangedAsync(transition, explanation);
        await context.Publisher.PublishAsync(finished, CancellationToken.None);
        unannouncedFinish = null;
        context.Metrics.Finished(finished.Status, finished.Complete);
        return true;
    }

    private Task PublishStatusChangedAsync(StatusTransition transition, string? explanation)
    {
        Status = transition.Current;
        return context.Publisher.PublishAsync(transition.ToMessage(explanation), CancellationToken.None);
    }
}
