using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>One Launcher and emulator for the cancel and relaunch fixtures, started on first use and stopped after all of them.</summary>
[SetUpFixture]
public sealed class SharedLauncher
{
    private static readonly SharedFixture<LauncherUnderTest> Shared = new(() => LauncherUnderTest.StartAsync());

    public static Task<LauncherUnderTest> GetAsync() => Shared.GetAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await Shared.DisposeAsync();
}
