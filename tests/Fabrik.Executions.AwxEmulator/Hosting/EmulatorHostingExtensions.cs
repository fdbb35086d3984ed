using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Control;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Runner;
using Fabrik.Executions.AwxEmulator.Synthetic;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Hosting;

public static class EmulatorHostingExtensions
{
    /// <summary>Adds the emulator configured from the <c>Emulator</c> section.</summary>
    public static WebApplicationBuilder AddAwxEmulator(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AwxEmulatorOptions.SectionName).Get<AwxEmulatorOptions>() ?? new AwxEmulatorOptions();
        builder.Services.AddAwxEmulator(options);
        return builder;
    }

    public static IServiceCollection AddAwxEmulator(this IServiceCollection services, AwxEmulatorOptions options)
    {
        var faultErrors = FaultSettingsValidator.Validate(options.Faults);
        if (!faultErrors.IsEmpty)
        {
            throw new InvalidOperationException($"Emulator:Faults is invalid: {faultErrors.Describe()}");
        }
        services.ConfigureHttpJsonOptions(json => AwxJson.Configure(json.SerializerOptions));
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => EmulatorToken.Resolve(options, provider.GetRequiredService<ILogger<EmulatorToken>>()));
        services.AddSingleton(new FaultState(options.Faults));
        services.AddSingleton<EventVisibilityPolicy>();
        services.AddSingleton<EmulatorIds>();
        services.AddSingleton<HostRegistry>();
        services.AddSingleton<JobEventIngestor>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<JobLifecycle>();
        services.AddHostedService(provider => provider.GetRequiredService<JobLifecycle>());
        services.AddSingleton<JobLauncher>();
        services.AddSingleton<JobViewFactory>();
        services.AddSingleton<SyntheticPlaybookEngine>();
        services.AddSingleton<RunnerWorkspace>();
        services.AddSingleton(provider => new JobTemplateCatalog(
            provider.GetRequiredService<SyntheticPlaybookEngine>(),
            RunnerEngineIfInstalled(provider, options),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => BuiltInWorkflows.Seed(new WorkflowTemplateStore(
            provider.GetRequiredService<EmulatorIds>(),
            provider.GetRequiredService<JobTemplateCatalog>(),
            provider.GetRequiredService<TimeProvider>()), options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkflowJobRegistry>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<WorkflowResources>();
        services.AddSingleton<EmulatorControl>();
        services.AddSingleton<ApiRequestLog>();
        services.AddSingleton<ApiRequestRecorder>();
        services.AddSingleton<BearerTokenFilter>();
        services.AddSingleton<ServerErrorBurst>();
        services.AddSingleton<FaultInjectionFilter>();
        return services;
    }

    public static WebApplication MapAwxEmulator(this WebApplication app)
    {
        // Resolve the token now, so a generated one is announced at startup rather than on the first request.
        app.Services.GetRequiredService<EmulatorToken>();
        app.UseAwxErrorResponses();
        app.UseMiddleware<EventDamageMiddleware>();
        app.MapGroup(AwxUrls.Root)
            .AddEndpointFilter<ApiRequestRecorder>()
            .AddEndpointFilter<FaultInjectionFilter>()
            .AddEndpointFilter<BearerTokenFilter>()
            .MapJobTemplateEndpoints()
            .MapJobEndpoints()
            .MapJobEventEndpoints()
            .MapWorkflowJobTemplateEndpoints()
            .MapWorkflowTemplateNodeEndpoints()
            .MapWorkflowJobEndpoints()
            .MapWorkflowApprovalEndpoints();
        app.MapPingEndpoint();
        app.MapGroup("/_emulator")
            .AddEndpointFilter<BearerTokenFilter>()
            .MapEmulatorAdminEndpoints();
        // The local stack waits on these like on every service's; the emulator has no dependency to report on.
        app.MapGet("/health/live", () => TypedResults.Ok("Healthy"));
        app.MapGet("/health/ready", () => TypedResults.Ok("Healthy"));
        return app;
    }

    private static AnsibleRunnerEngine? RunnerEngineIfInstalled(IServiceProvider provider, AwxEmulatorOptions options)
    {
        var logger = provider.GetRequiredService<ILogger<AnsibleRunnerEngine>>();
        if (AnsibleRunnerLocator.Find(options.AnsibleRunnerPath) is not { } runnerPath)
        {
            logger.LogInformation("ansible-runner is not installed; job template {TemplateId} is not offered", JobTemplateCatalog.RunnerTemplateId);
            return null;
        }
        return new AnsibleRunnerEngine(
            runnerPath,
            provider.GetRequiredService<RunnerWorkspace>(),
            provider.GetRequiredService<JobEventIngestor>(),
            provider.GetRequiredService<TimeProvider>());
    }
}
