using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>Gives each fixture a client of the shared emulator and leaves no fault behind.</summary>
public abstract class EmulatorTest
{
    protected static AwxEmulatorHost Host => EmulatorServer.Host;

    protected AwxApi Api { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateClient() => Api = new AwxApi(Host.CreateClient());

    [OneTimeTearDown]
    public void DisposeClient() => Api.Dispose();

    [TearDown]
    public void ClearFaults() => Host.Faults = new FaultSettings();
}
