namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Stops the shared Gateway once every fixture in the assembly is done.</summary>
[SetUpFixture]
public sealed class SharedGatewayTeardown
{
    [OneTimeTearDown]
    public Task StopAsync() => GatewayEnvironment.DisposeSharedAsync();
}
