using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 6: what a running execution that prints nothing costs in AWX requests. Its job emits its first event
/// and then nothing for minutes (one event per 200 s), so the window sees only the poller's idle polling.
/// </summary>
internal static class IdleCostBenchmark
{
    private const double QuietRate = 0.005;

    public static async Task RunAsync(RunContext context)
    {
        await context.Stack.EnsurePollerAsync();
        var sizes = context.Sizes;
        var launched = await SyntheticLaunches.LaunchManyAsync(context.Gateway, sizes.IdleExecutions, 30, sizes.Hosts, QuietRate);
        await Eventually.TrueAsync(async () => await context.Stored.RunningCountAsync() >= launched.Count,
            "the idle executions to run", StoredExecutions.LongWait);
        // Let the poller's pace settle to its idle interval before counting.
        await Task.Delay(TimeSpan.FromSeconds(sizes.SettleSeconds));
        var pollers = context.Stack.Pollers.Select(p => p.Url).ToList();
        var before = (await context.Requests.CountAllAsync(pollers)).Sum();
        var window = TimeSpan.FromSeconds(sizes.IdleWindowSeconds);
        await Task.Delay(window);
        var requests = (await context.Requests.CountAllAsync(pollers)).Sum() - before;
        context.Book.Add(Sections.Cost, "AWX requests per idle execution per minute", "requests",
            requests / (double)launched.Count / window.TotalMinutes);
        context.Book.Note(Sections.Cost, $"Idle: {sizes.IdleExecutions} running executions whose jobs print nothing, counted over {sizes.IdleWindowSeconds} s; they keep running (the stack ends after the scaling measurement).");
    }
}
