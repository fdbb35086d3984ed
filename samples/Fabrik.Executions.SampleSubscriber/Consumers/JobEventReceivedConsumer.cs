using Fabrik.Executions.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.SampleSubscriber.Consumers;

/// <summary>Each event of a job's output; the same event may come twice and in any order, so it is keyed, not appended.</summary>
public sealed partial class JobEventReceivedConsumer(ExecutionLedger ledger, ILogger<JobEventReceivedConsumer> logger) : IConsumer<JobEventReceived>
{
    public Task Consume(ConsumeContext<JobEventReceived> context)
    {
        var jobEvent = context.Message;
        if (jobEvent.Failed && ledger.Record(jobEvent))
        {
            LogFailedTask(logger, jobEvent.ExecutionId, jobEvent.Host, jobEvent.Task, jobEvent.Counter);
        }
        else
        {
            ledger.Record(jobEvent);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Execution {ExecutionId}: task {Task} failed on {Host} (event {Counter})")]
    private static partial void LogFailedTask(ILogger logger, Guid executionId, string? host, string? task, long counter);
}
