using MassTransit;
using Npgsql;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// Retries only what a database hiccup interrupts; AWX failures are answered, never retried here, because the
/// launch claim already stops a second AWX call.
/// </summary>
public sealed class LaunchExecutionConsumerDefinition : ConsumerDefinition<LaunchExecutionConsumer>
{
    public LaunchExecutionConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<LaunchExecutionConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(exception => exception.IsTransient);
            retry.Exponential(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        });
    }
}
