using System.Net;
using MassTransit;
using Npgsql;
using Polly;
using Refit;

namespace Fabrik.Executions.ResultParser.Consumers;

/// <summary>
/// Retries what passes (AWX unreachable, slow or answering 5xx after the client's own retries; a database hiccup)
/// with growing pauses, a bounded number of times; anything else faults at once with the reason logged.
/// </summary>
public sealed class ExecutionFinishedConsumerDefinition : ConsumerDefinition<ExecutionFinishedConsumer>
{
    public ExecutionFinishedConsumerDefinition() => ConcurrentMessageLimit = 8;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExecutionFinishedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<HttpRequestException>();
            retry.Handle<ExecutionRejectedException>();
            retry.Handle<ApiException>(exception => IsTransient(exception.StatusCode));
            retry.Handle<NpgsqlException>(exception => exception.IsTransient);
            retry.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2));
        });
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
