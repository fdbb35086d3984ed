using MassTransit;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>The definition of every consumer that pushes one message to the hub's groups.</summary>
public sealed class BrowserPushDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(BrowserPushRetry.Configure);
}
