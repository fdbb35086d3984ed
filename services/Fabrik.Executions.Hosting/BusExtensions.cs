using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fabrik.Executions.Hosting;

/// <summary>
/// The one bus wiring every service and test uses: RabbitMQ from <c>ConnectionStrings__RabbitMq</c>, MassTransit's
/// default exchange names (so other services bind to <c>Fabrik.Executions.Contracts:JobEventReceived</c>), queues
/// named per service, consumers' retry and concurrency in their definitions, every failed attempt logged.
/// </summary>
public static class BusExtensions
{
    public static IHostApplicationBuilder AddFabrikBus(
        this IHostApplicationBuilder builder,
        string queuePrefix,
        Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var rabbitMq = builder.Configuration.GetRabbitMqUri();

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit otherwise reports the bus's shape to its vendor after start: a production service does not
            // phone home, and one without internet access logs a failure for it.
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            registerConsumers(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseConsumeFilter(typeof(ExecutionScopeFilter<>), context);
                endpoint.UseConsumeFilter(typeof(FailedAttemptLogFilter<>), context);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(rabbitMq);
                // MassTransit indents its JSON by default: whitespace every publisher writes, the broker stores and every
                // subscriber reads, for no one. Its options are one shared instance, so a compact copy replaces them.
                rabbit.ConfigureJsonSerializerOptions(options => options.WriteIndented ? new JsonSerializerOptions(options) { WriteIndented = false } : options);
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });

        return builder;
    }
}
