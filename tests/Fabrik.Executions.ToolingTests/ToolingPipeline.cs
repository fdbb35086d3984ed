using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.ToolingTests;

/// <summary>One pipeline for every test of this project, started on first use and stopped after all of them.</summary>
[SetUpFixture]
public sealed class ToolingPipeline
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Pipeline? shared;

    internal static async Task<Pipeline> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            // Pending and waiting last long enough that a tail started right after the launch finds the job before its first event.
            return shared ??= await Pipeline.StartAsync(new AwxEmulatorOptions { PendingDelayMs = 1_000, WaitingDelayMs = 1_000 });
        }
        finally
        {
            Gate.Release();
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
            shared = null;
        }
    }
}
