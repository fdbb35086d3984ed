using MassTransit;
using MassTransit.Configuration;
using Npgsql;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// How the Launcher consumes each command: a command whose JSON cannot be read is rejected naming the field, and only
/// what a database hiccup interrupts is retried. AWX failures are never retried here: the launch claim already stops
/// a second AWX call, and a cancel AWX did not answer faults back to the caller, who may repeat it.
/// </summary>
public sealed class LauncherCommandDefinition<TConsumer, TCommand> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<TCommand>
    where TCommand : class
{
    public LauncherCommandDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // Ahead of the message type dispatch, where the command is read: a filter after it never sees the failure.
        endpointConfigurator.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(new UnreadableCommandFilter<TCommand>(
            context.GetRequiredService<ILogger<UnreadableCommandFilter<TCommand>>>())));
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Handle<NpgsqlException>(exception => exception.IsTransient);
            retry.Exponential(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));
        });
    }
}
