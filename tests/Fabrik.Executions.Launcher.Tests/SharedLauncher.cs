namespace Fabrik.Executions.Launcher.Tests;

/// <summary>One Launcher and emulator for the cancel and relaunch fixtures, started on first use and stopped after all of them.</summary>
[SetUpFixture]
public sealed class SharedLauncher
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LauncherUnderTest? shared;

    public static async Task<LauncherUnderTest> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return shared ??= await LauncherUnderTest.StartAsync();
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
            await shared.DisposeAsync();
            shared = null;
        }
    }
}
