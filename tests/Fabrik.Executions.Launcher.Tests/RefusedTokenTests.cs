using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

public sealed class RefusedTokenTests
{
    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await LauncherUnderTest.StartAsync(launcherToken: "not-the-emulators-token");

    [OneTimeTearDown]
    public async Task StopAsync() => await system.DisposeAsync();

    [Test]
    public async Task Launch_with_a_token_awx_refuses_leaves_the_execution_in_error_with_the_401_explanation()
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = LauncherUnderTest.Command(marker);

        var response = await system.RequestAsync(command);

        Assert.That(response.Is(out Response<ExecutionAccepted>? accepted), Is.True);
        Assert.That(accepted!.Message.Status, Is.EqualTo(ExecutionStatus.Error));
        var execution = await system.Executions.FindAsync(command.ExecutionId, CancellationToken.None);
        Assert.That(execution?.Status, Is.EqualTo(ExecutionStatus.Error));
        Assert.That(execution!.StatusExplanation, Does.Contain("AWX rejected the token (401)").And.Contain("nothing was launched"));
        Assert.That(execution.StatusExplanation, Does.Not.Contain("not-the-emulators-token"), "the token never leaves the Launcher");
        Assert.That(await system.AwxJobsMarkedAsync(marker), Is.Empty);
    }
}
