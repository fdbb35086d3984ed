using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Leasing;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Runs this poller's share of the execution streams. Every scan it checks in with the other pollers, works out its
/// fair share of the active executions (active ÷ pollers alive, rounded up), hands over what it holds beyond that and
/// takes executions nobody holds up to it; a lapsed lease (a killed poller) is taken over within one lease period plus one
/// scan. <c>ExecutionLaunched</c> and <c>ResumeStreaming</c> start a stream at once. On a graceful stop every lease is
/// released, so the others take over at their next scan.
/// </summary>
public sealed partial class StreamSupervisor(
    ExecutionRepository executions,
    StreamLeases leases,
    PollerRegistry pollers,
    ExecutionStreamFactory streams,
    IOptions<StreamPollerOptions> options,
    ILogger<StreamSupervisor> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, RunningStream> running = new();
    private CancellationToken stopping = CancellationToken.None;
    private int share = int.MaxValue;

    public int RunningCount => running.Count;

    public IReadOnlyCollection<Guid> Held => running.Keys.ToList();

    public async Task TryStartAsync(Guid executionId, CancellationToken cancellationToken)
    {
        // Messages may run one past the share: the next scan evens it out.
        if (running.Count > Volatile.Read(ref share) || running.ContainsKey(executionId) || stopping.IsCancellationRequested
            || !await leases.TryAcquireAsync(executionId))
        {
            return;
        }

        await StartLeasedAsync([executionId], int.MaxValue, cancellationToken);
    }

    /// <summary>
    /// Starts a stream for each execution whose lease this poller just took, reading them all in one query, while it runs
    /// fewer than <paramref name="limit"/>. The lease is given back for an execution it does not start: one that has no AWX
    /// job or has ended meanwhile, or one past the limit because messages started streams while the leases were taken.
    /// </summary>
    private async Task StartLeasedAsync(IReadOnlyList<Guid> leased, int limit, CancellationToken cancellationToken)
    {
        var found = (await executions.FindAllAsync(leased, cancellationToken)).ToDictionary(execution => execution.Id);
        foreach (var executionId in leased)
        {
            if (found.GetValueOrDefault(executionId) is not { AwxJobId: not null } execution || execution.Status.IsTerminal()
                || running.Count >= limit)
            {
                await leases.ReleaseAsync(executionId);
                continue;
            }

            Start(execution);
        }
    }

    private void Start(ExecutionRecord execution)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!running.TryAdd(execution.Id, new RunningStream(started.Task, cancellation)))
        {
            cancellation.Dispose();
            return;
        }

        var stream = streams.Create(execution);
        running[execution.Id] = new RunningStream(Task.Run(() => RunStreamAsync(stream, cancellation), CancellationToken.None), cancellation);
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
                await BalanceAsync(stoppingToken);
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
        await LeaveAsync();
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(running.Values.Select(stream => stream.Completion));
    }

    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var alive = await pollers.CheckInAsync();
        var active = await executions.ListActiveStreamsAsync(cancellationToken);
        var target = FairShare.Of(active.Count, alive);
        Volatile.Write(ref share, target);

        var activeIds = active.Select(stream => stream.ExecutionId).ToList();
        var holding = FairShare.StillActive(running.Keys, activeIds.ToHashSet());
        foreach (var executionId in holding.Skip(target))
        {
            if (running.TryGetValue(executionId, out var stream))
            {
                LogShedding(logger, executionId, target);
                await stream.Cancellation.CancelAsync();
            }
        }

        if (holding.Count >= target)
        {
            return;
        }

        // A few round trips, however many there are: the held leases in one, the free ones taken in one pipeline, their
        // executions read in one query. A scan slower than the registry's window would make this poller look gone and
        // skew everyone's share, and new executions would wait behind the running streams' cycles.
        var notMine = activeIds.Where(executionId => !running.ContainsKey(executionId)).ToList();
        var held = await leases.FindHeldAsync(notMine);
        var unheld = notMine.Where(executionId => !held.Contains(executionId)).Take(target - holding.Count).ToList();
        if (unheld.Count == 0 || stopping.IsCancellationRequested)
        {
            return;
        }

        await StartLeasedAsync(await leases.TryAcquireAllAsync(unheld), target, cancellationToken);
    }

    private async Task RunStreamAsync(ExecutionStream stream, CancellationTokenSource cancellation)
    {
        try
        {
            await stream.RunAsync(cancellation.Token);
            if (cancellation.IsCancellationRequested)
            {
                await HandOverAsync(stream.ExecutionId);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
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
            cancellation.Dispose();
        }
    }

    private async Task HandOverAsync(Guid executionId)
    {
        try
        {
            await leases.ReleaseAsync(executionId);
            LogHandedOver(logger, executionId);
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            LogScanFailed(logger, exception);
        }
    }

    private async Task LeaveAsync()
    {
        try
        {
            await pollers.LeaveAsync();
        }
        catch (StackExchange.Redis.RedisException exception)
        {
            LogScanFailed(logger, exception);
        }
    }

    private sealed record RunningStream(Task Completion, CancellationTokenSource Cancellation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan for unheld executions failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream of execution {ExecutionId} crashed; its lease will lapse and it resumes from the stored watermark")]
    private static partial void LogStreamCrashed(ILogger logger, Exception exception, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed execution {ExecutionId} over")]
    private static partial void LogHandedOver(ILogger logger, Guid executionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handing execution {ExecutionId} over: this poller's fair share is {Share}")]
    private static partial void LogShedding(ILogger logger, Guid executionId, int share);
}
