using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ToolingTests;

/// <summary>One pipeline for every test of this project, started on first use and stopped after all of them.</summary>
[SetUpFixture]
public sealed class ToolingPipeline
{
    // Pending and waiting last long enough that a tail started right after the launch finds the job before its first event.
    private static readonly SharedFixture<Pipeline> Shared = new(() =>
        Pipeline.StartAsync(new AwxEmulatorOptions { PendingDelayMs = 1_000, WaitingDelayMs = 1_000 }));

    internal static Task<Pipeline> GetAsync() => Shared.GetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await Shared.DisposeAsync();
}
