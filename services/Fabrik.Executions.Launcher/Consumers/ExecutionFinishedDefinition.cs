using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// A clone AWX did not remove is tried again within about a minute and a half (AWX restarting, a brief outage); after
/// that the message rests in the error queue and the Watchdog publishes the execution's ExecutionFinished again every
/// results timeout until the clone is gone. Retries wait in memory, holding a delivery, so none waits for long.
/// </summary>
public sealed class ExecutionFinishedDefinition : ConsumerDefinition<ExecutionFinishedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExecutionFinishedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)));
    }
}
