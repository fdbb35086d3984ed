using Fabrik.Executions.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.SampleSubscriber.Consumers;

/// <summary>
/// The end of an execution's output: its status and last counter. Events may still be on their way (publishing is not
/// ordered across messages), so a service that needs them all waits for every counter up to
/// <see cref="ExecutionFinished.FinalCounter"/> or reads them from <c>GET /api/v1/executions/{id}/events</c>.
/// </summary>
public sealed partial class ExecutionFinishedConsumer(ExecutionLedger ledger, ILogger<ExecutionFinishedConsumer> logger) : IConsumer<ExecutionFinished>
{
    public Task Consume(ConsumeContext<ExecutionFinished> context)
    {
        var end = context.Message;
        if (ledger.Record(end))
        {
            LogFinished(logger, end.ExecutionId, end.Status.ToString(), end.FinalCounter, end.Complete);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Execution {ExecutionId} finished {Status} with {FinalCounter} events (complete: {Complete})")]
    private static partial void LogFinished(ILogger logger, Guid executionId, string status, long finalCounter, bool complete);
}
