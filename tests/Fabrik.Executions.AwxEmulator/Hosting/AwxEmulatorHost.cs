using System.Net.Http.Headers;
using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Control;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Fabrik.Executions.AwxEmulator.Hosting;

/// <summary>The emulator running inside a test process on 127.0.0.1, with the control surface tests use to steer and check it.</summary>
public sealed class AwxEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorControl _control;

    private AwxEmulatorHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        _control = app.Services.GetRequiredService<EmulatorControl>();
        BaseUrl = baseUrl;
        Token = app.Services.GetRequiredService<EmulatorToken>().Value;
        RunnerAvailable = app.Services.GetRequiredService<JobTemplateCatalog>().Find(JobTemplateCatalog.RunnerTemplateId) is not null;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:41234/</c>; the AWX API is under <c>api/v2/</c>.</summary>
    public Uri BaseUrl { get; }

    public string Token { get; }

    /// <summary>Whether job template 2 (ansible-runner against localhost) exists.</summary>
    public bool RunnerAvailable { get; }

    /// <summary>The faults in force; a new value applies to requests and to events stored from then on.</summary>
    public FaultSettings Faults
    {
        get => _control.Faults;
        set
        {
            var errors = FaultSettingsValidator.Validate(value);
            if (!errors.IsEmpty)
            {
                throw new ArgumentException(errors.Describe(), nameof(value));
            }
            _control.Faults = value;
        }
    }

    public static async Task<AwxEmulatorHost> StartAsync(AwxEmulatorOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(AwxEmulatorHost).Assembly.GetName().Name });
        // Only the options given count: no appsettings file or environment variable of the test process leaks in.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAwxEmulator(options);
        var app = builder.Build();
        app.MapAwxEmulator();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AwxEmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client for the emulator with the bearer token already set.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>How each host of a synthetic job ends (or would end, had it not been canceled), in inventory order.</summary>
    public IReadOnlyList<ExpectedHostOutcome> GetExpectedHostOutcomes(int jobId) =>
        EmulatorControl.ExpectedHostOutcomesOf(JobOf(jobId)) ?? throw new InvalidOperationException($"Job {jobId} is not a synthetic job.");

    /// <summary>The latest /api/v2 requests received (up to 20,000), oldest first: how a client asked, faults or not.</summary>
    public IReadOnlyList<ApiRequest> GetApiRequests() => _control.ApiRequests();

    /// <summary>Every event the job emitted so far, visible or not, in counter order.</summary>
    public IReadOnlyList<EmittedJobEvent> GetEmittedEvents(int jobId) => EmulatorControl.EmittedEventsOf(JobOf(jobId));

    /// <summary>Where ansible-runner wrote a runner job's files; they stay until the emulator is disposed.</summary>
    public RunnerJobArtifacts GetRunnerArtifacts(int jobId) =>
        EmulatorControl.RunnerArtifactsOf(JobOf(jobId)) ?? throw new InvalidOperationException($"Job {jobId} has no ansible-runner artifacts.");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private EmulatedJob JobOf(int jobId) => _control.FindJob(jobId) ?? throw new KeyNotFoundException($"The emulator has no job {jobId}.");
}
