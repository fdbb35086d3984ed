using System.Diagnostics.Metrics;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Consumers;
using Fabrik.Executions.StreamPoller.Leasing;
using Fabrik.Executions.StreamPoller.Publishing;
using Fabrik.Executions.StreamPoller.Streaming;
using Fabrik.Executions.StreamPoller.Telemetry;
using MassTransit;

namespace Fabrik.Executions.StreamPoller;

public static class StreamPollerServiceExtensions
{
    public static WebApplicationBuilder AddStreamPoller(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StreamPollerOptions>()
            .Bind(builder.Configuration.GetSection(StreamPollerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddFabrikStorage();
        builder.AddFabrikRedis();
        builder.AddAwxClient();
        builder.AddAwxReadiness();
        builder.AddFabrikBus("stream-poller", bus =>
        {
            bus.AddConsumer<ExecutionLaunchedConsumer, StreamStartConsumerDefinition<ExecutionLaunchedConsumer>>();
            bus.AddConsumer<ResumeStreamingConsumer, StreamStartConsumerDefinition<ResumeStreamingConsumer>>();
        });

        builder.Services.AddSingleton(PollerIdentity.ForThisProcess());
        builder.Services.AddSingleton<StreamLeases>();
        builder.Services.AddSingleton<StreamKeepalive>();
        builder.Services.AddSingleton<PollerRegistry>();
        builder.Services.AddSingleton<EventMessagePublisher>();
        builder.Services.AddSingleton<StreamPublisher>();
        builder.Services.AddSingleton(provider => new PollerMetrics(
            provider.GetRequiredService<IMeterFactory>(),
            provider.GetRequiredService<PollerIdentity>(),
            () => provider.GetRequiredService<StreamSupervisor>().RunningCount));
        builder.Services.AddSingleton<ExecutionStreamFactory>();
        builder.Services.AddSingleton<StreamSupervisor>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StreamSupervisor>());
        return builder;
    }
}
