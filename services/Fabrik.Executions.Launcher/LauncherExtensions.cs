using Fabrik.Executions.Awx;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Launcher.Consumers;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.Launcher;

public static class LauncherExtensions
{
    /// <summary>Queue names start with this: <c>launcher-launch-execution</c>.</summary>
    public const string QueuePrefix = "launcher";

    public static WebApplicationBuilder AddLauncher(this WebApplicationBuilder builder)
    {
        builder.AddFabrikStorage();
        builder.AddAwxClient();
        builder.Services.AddSingleton<AwxJobLauncher>();
        builder.AddFabrikBus(QueuePrefix, bus => bus.AddConsumer<LaunchExecutionConsumer, LaunchExecutionConsumerDefinition>());
        return builder;
    }
}
