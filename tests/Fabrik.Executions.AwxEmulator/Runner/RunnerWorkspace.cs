namespace Fabrik.Executions.AwxEmulator.Runner;

/// <summary>The emulator's temp folder for ansible-runner private data dirs, one per job, removed when the emulator stops.</summary>
internal sealed class RunnerWorkspace : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fabrik-awx-emulator", Guid.NewGuid().ToString("N"));

    public string PrivateDataDirectoryFor(int jobId) => Path.Combine(_root, $"job_{jobId}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
