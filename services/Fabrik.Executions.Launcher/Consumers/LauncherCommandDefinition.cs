using MassTransit;
using Npgsql;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// How the Launcher consumes each command: retries only what a database hiccup interrupts. AWX failures are never
/// retried here: the launch claim already stops a second AWX call, and a cancel AWX did not answer faults back to the
/// caller, who may repeat it.
/// </summary>
public sealed class LauncherCommandDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    public LauncherCommandDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(exception => exception.IsTransient);
            retry.Exponential(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        });
    }
}
