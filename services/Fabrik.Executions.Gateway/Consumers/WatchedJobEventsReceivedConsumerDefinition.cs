using MassTransit;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>
/// Pushes a few pages at once: a page is up to 200 events, so a handful in flight keeps the backplane busy while
/// bounding what one Gateway holds; browsers order by counter, so pages pushed side by side need no order.
/// </summary>
public sealed class WatchedJobEventsReceivedConsumerDefinition : ConsumerDefinition<WatchedJobEventsReceivedConsumer>
{
    private const int ConcurrentPages = 8;

    public WatchedJobEventsReceivedConsumerDefinition() => ConcurrentMessageLimit = ConcurrentPages;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WatchedJobEventsReceivedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(BrowserPushRetry.Configure);
}
