using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fabrik.Executions.Testing;

/// <summary>
/// A service run as its own operating-system process from the build output, so a test can kill it the way an
/// orchestrator or the kernel would: SIGKILL, no shutdown hooks, no lease released.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private const int KeptLines = 50;
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>The last lines the process wrote, for the message of a failing test.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output);

    public bool HasExited => process.HasExited;

    /// <summary>Starts <paramref name="assemblyName"/> from this test's build output, configured through its environment.</summary>
    public static ServiceProcess Start(string assemblyName, IReadOnlyDictionary<string, string?> configuration, string url = "http://127.0.0.1:0")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{assemblyName} did not start.");
        var service = new ServiceProcess(process);
        // Reading the output also keeps a chatty service from blocking on a full pipe.
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }

    /// <summary>SIGKILL: the process gets no chance to hand anything over.</summary>
    public void KillHard()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }
}
