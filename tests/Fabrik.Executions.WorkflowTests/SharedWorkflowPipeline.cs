using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>One pipeline, with an operator and a viewer at work on it, for every workflow fixture; started on first use, stopped after all.</summary>
[SetUpFixture]
public sealed class SharedWorkflowPipeline
{
    private static readonly SharedFixture<WorkflowSession> Shared =
        new(async () => new WorkflowSession(await Pipeline.StartAsync(settings: WorkflowSession.ViewerSettings)));

    internal static Task<WorkflowSession> SessionAsync() => Shared.GetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await Shared.DisposeAsync();
}
