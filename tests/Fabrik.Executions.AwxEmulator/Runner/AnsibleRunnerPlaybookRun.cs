using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Control;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Runner;

/// <summary>
/// Runs the bundled playbook with <c>ansible-runner run</c> in a private data dir of its own and stores each event
/// file as it appears, as AWX's callback receiver would.
/// </summary>
internal sealed class AnsibleRunnerPlaybookRun(
    AnsibleRunnerEngine engine,
    LaunchRequest request,
    JobEventIngestor ingestor,
    TimeProvider time) : IPlaybookRun
{
    private static readonly TimeSpan ScanInterval = TimeSpan.FromMilliseconds(50);

    public RunnerJobArtifacts? Artifacts { get; private set; }

    public async Task<PlaybookOutcome> ExecuteAsync(EmulatedJob job, CancellationToken stopping)
    {
        var ident = job.Id.ToString(CultureInfo.InvariantCulture);
        var privateDataDirectory = engine.Workspace.PrivateDataDirectoryFor(job.Id);
        await PreparePrivateDataDirectoryAsync(privateDataDirectory, stopping);
        var artifactDirectory = Path.Combine(privateDataDirectory, "artifacts", ident);
        Artifacts = new RunnerJobArtifacts(privateDataDirectory, artifactDirectory, Path.Combine(artifactDirectory, "job_events"));

        using var process = Process.Start(StartInfo(privateDataDirectory, ident))
            ?? throw new InvalidOperationException("ansible-runner did not start.");
        using var onCancel = job.CancelRequested.Register(() => Terminate(process));
        using var onStop = stopping.Register(() => Kill(process));
        var stdout = process.StandardOutput.ReadToEndAsync(stopping);
        var stderr = process.StandardError.ReadToEndAsync(stopping);

        var stored = new HashSet<int>();
        var invocationRecorded = false;
        bool exited;
        do
        {
            exited = process.HasExited;
            if (!invocationRecorded && await ReadInvocationAsync(artifactDirectory, stopping) is { } invocation)
            {
                job.RecordInvocation(invocation);
                invocationRecorded = true;
            }
            await StoreNewEventsAsync(job, Artifacts.JobEventsDirectory, stored, stopping);
            if (!exited)
            {
                await Task.Delay(ScanInterval, time, stopping);
            }
        }
        while (!exited);
        await process.WaitForExitAsync(stopping);
        await stdout;
        var errorOutput = await stderr;

        if (job.IsCancelRequested)
        {
            return new PlaybookOutcome(JobStatus.Canceled);
        }
        return process.ExitCode == 0
            ? new PlaybookOutcome(JobStatus.Successful)
            : new PlaybookOutcome(JobStatus.Failed, Traceback: errorOutput.Trim());
    }

    private async Task PreparePrivateDataDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(directory, "project"));
        Directory.CreateDirectory(Path.Combine(directory, "inventory"));
        Directory.CreateDirectory(Path.Combine(directory, "env"));
        File.Copy(engine.PlaybookSource, Path.Combine(directory, "project", engine.Playbook));
        await File.WriteAllTextAsync(Path.Combine(directory, "inventory", "hosts"),
            "localhost ansible_connection=local ansible_python_interpreter=\"{{ ansible_playbook_python }}\"\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "env", "extravars"), request.ExtraVars.GetRawText(), cancellationToken);
        // AWX forces colour so stdout carries ANSI sequences as on a terminal.
        await File.WriteAllTextAsync(Path.Combine(directory, "env", "envvars"), "{\"ANSIBLE_FORCE_COLOR\": \"True\"}", cancellationToken);
    }

    private ProcessStartInfo StartInfo(string privateDataDirectory, string ident)
    {
        var startInfo = new ProcessStartInfo(engine.RunnerPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", privateDataDirectory, "-p", engine.Playbook, "--ident", ident, "-q" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (request.Limit.Length > 0)
        {
            startInfo.ArgumentList.Add("--limit");
            startInfo.ArgumentList.Add(request.Limit);
        }
        // ansible-runner writes its whole environment to artifacts/<ident>/command: give it nothing it should not keep.
        startInfo.Environment.Clear();
        startInfo.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        startInfo.Environment["HOME"] = privateDataDirectory;
        startInfo.Environment["LANG"] = "C.UTF-8";
        return startInfo;
    }

    private async Task StoreNewEventsAsync(EmulatedJob job, string eventsDirectory, HashSet<int> stored, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(eventsDirectory))
        {
            return;
        }
        var fresh = Directory.EnumerateFiles(eventsDirectory)
            .Select(path => (Path: path, IsEvent: RunnerEventFile.TryGetCounter(path, out var counter), Counter: counter))
            .Where(file => file.IsEvent && !stored.Contains(file.Counter))
            .OrderBy(file => file.Counter);
        foreach (var file in fresh)
        {
            ingestor.Ingest(job, await RunnerEventFile.ReadAsync(file.Path, cancellationToken));
            stored.Add(file.Counter);
        }
    }

    // AWX saves runner_config.command, cwd and env as job_args, job_cwd and job_env when the run starts;
    // ansible-runner writes them to artifacts/<ident>/command at that moment.
    private static async Task<JobInvocation?> ReadInvocationAsync(string artifactDirectory, CancellationToken cancellationToken)
    {
        var commandFile = Path.Combine(artifactDirectory, "command");
        if (!File.Exists(commandFile))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(commandFile);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = document.RootElement;
            return new JobInvocation(
                root.GetProperty("command").EnumerateArray().Select(argument => argument.GetString() ?? "").ToList(),
                root.GetProperty("cwd").GetString() ?? "",
                root.GetProperty("env").EnumerateObject().ToDictionary(variable => variable.Name, variable => variable.Value.ToString()));
        }
        catch (JsonException)
        {
            // Caught while ansible-runner was still writing it; the next scan reads it whole.
            return null;
        }
    }

    // ansible-runner treats SIGTERM as a cancel: it stops ansible-playbook and reports status canceled.
    private static void Terminate(Process process)
    {
        var signal = new ProcessStartInfo("kill") { UseShellExecute = false };
        signal.ArgumentList.Add("-TERM");
        signal.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(signal);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
