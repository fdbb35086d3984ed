using MassTransit;

namespace Fabrik.Executions.Launcher.Consumers;

/// <summary>
/// A clone AWX did not remove is tried again over several minutes (AWX restarting, a brief outage); after that the
/// message rests in the error queue and the clone's id is in the log, while the execution itself is long finished.
/// </summary>
public sealed class ExecutionFinishedDefinition : ConsumerDefinition<ExecutionFinishedConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExecutionFinishedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5)));
    }
}
