using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Leasing;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Runs this poller's execution streams. <c>ExecutionLaunched</c> and <c>ResumeStreaming</c> start a stream at once;
/// a periodic scan of the database's active executions picks up any that nobody holds (a poller was killed, a message
/// was lost), so a lapsed lease is taken over within one lease period plus one scan. On a graceful stop every lease is
/// released so other pollers take over without waiting for it to lapse.
/// </summary>
public sealed partial class StreamSupervisor(
    ExecutionRepository executions,
    StreamLeases leases,
    ExecutionStreamFactory streams,
    IOptions<StreamPollerOptions> options,
    ILogger<StreamSupervisor> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> running = new();
    private CancellationToken stopping = CancellationToken.None;

    public int RunningCount => running.Count;

    public async Task TryStartAsync(Guid executionId, CancellationToken cancellationToken)
    {
        if (running.ContainsKey(executionId) || stopping.IsCancellationRequested || !await leases.TryAcquireAsync(executionId))
        {
            return;
        }

        var execution = await executions.FindAsync(executionId, cancellationToken);
        if (execution is null || execution.AwxJobId is null || execution.Status.IsTerminal())
        {
            await leases.ReleaseAsync(executionId);
            return;
        }

        var stream = streams.Create(execution);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!running.TryAdd(executionId, started.Task))
        {
            return;
        }

        running[executionId] = Task.Run(() => RunStreamAsync(stream), CancellationToken.None);
        started.SetResult();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ScanSeconds));
        do
        {
            try
            {
                foreach (var active in await executions.ListActiveStreamsAsync(stoppingToken))
                {
                    await TryStartAsync(active.ExecutionId, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogScanFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(running.Values);
    }

    private async Task RunStreamAsync(ExecutionStream stream)
    {
        try
        {
            await stream.RunAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await HandOverAsync(stream.ExecutionId);
        }
        catch (Exception exception)
        {
            // The lease lapses and another poller, or this one on its next scan, resumes from the stored watermark.
            LogStreamCrashed(logger, exception, stream.ExecutionId);
        }
        finally
        {
            running.TryRemove(stream.ExecutionId, out _);
        }
    }

    private async Task HandOverAsync(Guid executionId)
    {
        try
        {
            await leases.ReleaseAsync(executionId);
            LogHandedOver(logger, executionId);
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException)
        {
            LogScanFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan for unheld executions failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream of execution {ExecutionId} crashed; its lease will lapse and it resumes from the stored watermark")]
    private static partial void LogStreamCrashed(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed execution {ExecutionId} over on shutdown")]
    private static partial void LogHandedOver(ILogger logger, Guid executionId);
}
