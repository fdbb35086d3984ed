using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using MassTransit;

namespace Fabrik.Executions.Gateway.Telemetry;

/// <summary>
/// Every Gateway consumer pushes what it consumes to browsers: this gives each push its span in the execution's
/// trace and measures each pushed message, the events of a page one by one as <see cref="JobEventReceived"/>, so the
/// figures count events whichever message carried them.
/// </summary>
public sealed class HubPushFilter<T>(GatewayMetrics metrics, TimeProvider clock) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var pushed = PushedMessages(context);
        if (pushed.Count == 0)
        {
            await next.Send(context);
            return;
        }

        var messageType = pushed[0].Type;
        using (var span = FabrikTelemetry.Source.StartActivity($"hub push {messageType}"))
        {
            if (pushed.Select(message => message.ExecutionId).Distinct().Count() == 1)
            {
                span?.SetTag(FabrikTelemetry.ExecutionIdAttribute, pushed[0].ExecutionId.ToString("D"));
            }

            await next.Send(context);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in pushed)
        {
            metrics.Pushed(messageType, message.SentTime is { } sent ? now - sent : TimeSpan.Zero);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("hubPush");

    private static List<PushedMessage> PushedMessages(ConsumeContext<T> context) =>
        context switch
        {
            ConsumeContext<WatchedJobEventsReceived> page => page.Message.Page.Events
                .Select(jobEvent => new PushedMessage(nameof(JobEventReceived), jobEvent.ExecutionId, page.SentTime))
                .ToList(),
            _ when MessageExecutionId<T>.Of(context.Message) is { } executionId => [new PushedMessage(typeof(T).Name, executionId, context.SentTime)],
            _ => [],
        };

    private sealed record PushedMessage(string Type, Guid ExecutionId, DateTime? SentTime);
}
