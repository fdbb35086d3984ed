using MassTransit;

namespace Fabrik.Executions.Gateway.Consumers;

/// <summary>
/// Collects up to 500 events, or what arrived within 20 ms, into one batch: a busy job becomes a few pushes per
/// second per browser instead of one per event, a quiet one still shows each event at once.
/// </summary>
public sealed class JobEventReceivedConsumerDefinition : ConsumerDefinition<JobEventReceivedConsumer>
{
    public const int MessageLimit = 500;
    public const int TimeLimitMs = 20;
    public const int ConcurrentBatches = 2;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<JobEventReceivedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(BrowserPushRetry.Configure);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(MessageLimit)
            .SetTimeLimit(ms: TimeLimitMs)
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
