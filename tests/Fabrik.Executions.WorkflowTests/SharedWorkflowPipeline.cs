using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>One pipeline, with an operator and a viewer at work on it, for every workflow fixture; started on first use, stopped after all.</summary>
[SetUpFixture]
public sealed class SharedWorkflowPipeline
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static WorkflowSession? shared;

    internal static async Task<WorkflowSession> SessionAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= new WorkflowSession(await Pipeline.StartAsync(settings: WorkflowSession.ViewerSettings));
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
