using System.Diagnostics;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ChaosTests;

/// <summary>Restarts the local stack's servers through the same script an operator uses.</summary>
internal static class LocalServers
{
    public static async Task RestartAsync(string server)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "restart-server.sh");
        using var process = Process.Start(new ProcessStartInfo(script, server) { RedirectStandardOutput = true, RedirectStandardError = true })
                            ?? throw new InvalidOperationException($"{script} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"Restarting {server} failed ({process.ExitCode}):{Environment.NewLine}{await output}{await errors}");
        }
    }
}
