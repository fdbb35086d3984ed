using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Watchdog.Tests;

public sealed class RefusedTokenTests
{
    private WatchdogUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await WatchdogUnderTest.StartAsync(instances: 1, watchdogToken: "not-the-emulators-token");

    [OneTimeTearDown]
    public async Task StopAsync() => await system.DisposeAsync();

    [Test]
    public async Task A_token_awx_refuses_is_counted_and_changes_no_execution()
    {
        var executionId = await system.CreateRunningAsync(WatchdogUnderTest.VanishedJobId);

        await system.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == executionId, "ResumeStreaming, which needs no word from AWX");
        await system.WaitForSweepsAsync(3);

        Assert.That((await system.Executions.FindAsync(executionId, CancellationToken.None))!.Status, Is.EqualTo(ExecutionStatus.Running),
            "a 401 says nothing about the job");
        Assert.That(system.Count<ExecutionStatusChanged>(m => m.ExecutionId == executionId), Is.Zero);
        Assert.That(system.Total("fabrik.watchdog.awx_refusals"), Is.GreaterThanOrEqualTo(3), "one per sweep");
    }
}
