using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Launcher.Approvals;
using Fabrik.Executions.Launcher.Canceling;
using Fabrik.Executions.Launcher.Consumers;
using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Launcher.Relaunching;
using Fabrik.Executions.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fabrik.Executions.Launcher;

public static class LauncherExtensions
{
    /// <summary>Queue names start with this: <c>launcher-launch-execution</c>, <c>launcher-cancel-execution</c>, ...</summary>
    public const string QueuePrefix = "launcher";

    public static WebApplicationBuilder AddLauncher(this WebApplicationBuilder builder)
    {
        builder.AddFabrikStorage();
        builder.AddAwxClient();
        builder.AddAwxReadiness();
        builder.Services.AddSingleton<CancelRepository>();
        builder.Services.AddSingleton<RelaunchRepository>();
        builder.Services.AddSingleton<AwxJobLauncher>();
        builder.Services.AddSingleton<AwxWorkflowLauncher>();
        builder.Services.AddSingleton<WorkflowCloneRemover>();
        builder.Services.AddSingleton<WorkflowClonePlanner>();
        builder.Services.AddSingleton<AwxJobCanceler>();
        builder.Services.AddSingleton<ExecutionLaunch>();
        builder.Services.TryAddSingleton<IRelaunchValidator, AcceptingRelaunchValidator>();
        builder.AddFabrikBus(QueuePrefix, bus =>
        {
            bus.AddConsumer<LaunchExecutionConsumer, LauncherCommandDefinition<LaunchExecutionConsumer, LaunchExecution>>();
            bus.AddConsumer<CancelExecutionConsumer, LauncherCommandDefinition<CancelExecutionConsumer, CancelExecution>>();
            bus.AddConsumer<RelaunchExecutionConsumer, LauncherCommandDefinition<RelaunchExecutionConsumer, RelaunchExecution>>();
            bus.AddConsumer<DecideApprovalConsumer, LauncherCommandDefinition<DecideApprovalConsumer, DecideApproval>>();
            bus.AddConsumer<ExecutionFinishedConsumer, ExecutionFinishedDefinition>();
        });
        return builder;
    }
}
