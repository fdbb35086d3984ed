using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>
/// One pipeline with the emulator's defaults, and an operator at work on it, for the fixtures that need nothing
/// special; started on first use, stopped after all of them.
/// </summary>
[SetUpFixture]
public sealed class SharedPipeline
{
    private static readonly SharedFixture<OperatorSession> Shared = new(async () => new OperatorSession(await Pipeline.StartAsync()));

    internal static Task<OperatorSession> SessionAsync() => Shared.GetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await Shared.DisposeAsync();
}
