using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>
/// One pipeline with the emulator's defaults, and an operator at work on it, for the fixtures that need nothing
/// special; started on first use, stopped after all of them.
/// </summary>
[SetUpFixture]
public sealed class SharedPipeline
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static OperatorSession? shared;

    internal static async Task<OperatorSession> SessionAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= new OperatorSession(await Pipeline.StartAsync());
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
            shared.Dispose();
            await shared.Pipeline.DisposeAsync();
            shared = null;
        }
    }
}
