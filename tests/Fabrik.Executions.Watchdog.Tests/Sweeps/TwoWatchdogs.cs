namespace Fabrik.Executions.Watchdog.Tests.Sweeps;

/// <summary>
/// Two Watchdogs sweeping one database side by side, for every test in this namespace: each test proves its case is
/// acted on exactly once however the two take turns.
/// </summary>
[SetUpFixture]
public sealed class TwoWatchdogs
{
    public static WatchdogUnderTest System { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => System = await WatchdogUnderTest.StartAsync(instances: 2);

    [OneTimeTearDown]
    public async Task StopAsync() => await System.DisposeAsync();
}
