using MassTransit;

namespace Fabrik.Executions.StreamPoller.Consumers;

/// <summary>
/// Starting a stream only takes a lease and reads one row; a failure is retried briefly, and anything that still
/// fails is picked up by the periodic scan anyway.
/// </summary>
public sealed class StreamStartConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
    }
}
