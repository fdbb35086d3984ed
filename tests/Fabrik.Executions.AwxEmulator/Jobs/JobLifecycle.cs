using System.Collections.Concurrent;
using Fabrik.Executions.AwxEmulator.Hosting;

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>Moves launched jobs through pending → waiting → running → terminal, as AWX's task manager and dispatcher do.</summary>
internal sealed class JobLifecycle(AwxEmulatorOptions options, TimeProvider time, ILogger<JobLifecycle> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    public void Start(EmulatedJob job) => Run(stopping => DriveAsync(job, stopping));

    /// <summary>Runs <paramref name="work"/> in the background until it ends or the emulator stops.</summary>
    public void Run(Func<CancellationToken, Task> work)
    {
        var run = Task.Run(() => work(_stopping.Token));
        _running.TryAdd(run, true);
        _ = run.ContinueWith(finished => _running.TryRemove(finished, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task DriveAsync(EmulatedJob job, CancellationToken stopping)
    {
        try
        {
            using var beforeRun = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.CancelRequested);
            await Task.Delay(TimeSpan.FromMilliseconds(options.PendingDelayMs), time, beforeRun.Token);
            if (!job.TryAdvance(JobStatus.Waiting, time.GetUtcNow()))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.WaitingDelayMs), time, beforeRun.Token);
            if (!job.TryAdvance(JobStatus.Running, time.GetUtcNow()))
            {
                return;
            }
            var outcome = await job.Run.ExecuteAsync(job, stopping);
            job.Finish(outcome, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (job.IsCancelRequested)
        {
            // TryCancel already ended a job that was not running yet.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            job.Finish(new PlaybookOutcome(JobStatus.Error, "The emulator stopped while the job ran."), time.GetUtcNow());
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Job {JobId} failed inside the emulator", job.Id);
            job.Finish(new PlaybookOutcome(JobStatus.Error, "The emulator failed to run the job.", exception.ToString()), time.GetUtcNow());
        }
    }
}
