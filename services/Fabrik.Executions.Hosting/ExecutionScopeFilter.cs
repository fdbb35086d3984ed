using MassTransit;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// Puts the execution id of every consumed message in the log scope and on the consume span, so each log line and
/// span a consumer writes names its execution without every consumer doing it.
/// </summary>
public sealed class ExecutionScopeFilter<T>(ILogger<ExecutionScopeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (MessageExecutionId<T>.Of(context.Message) is not { } executionId)
        {
            await next.Send(context);
            return;
        }

        FabrikTelemetry.TagExecution(executionId);
        using (logger.BeginScope(new Dictionary<string, object> { ["ExecutionId"] = executionId }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("executionScope");
}
