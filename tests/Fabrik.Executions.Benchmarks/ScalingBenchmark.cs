using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 3: many executions streaming slowly at once, polled by one, then two, then three pollers (each new one
/// takes its fair share without a restart): executions held by each, AWX polls per second, and poll lag (an event's
/// creation in AWX to its row). Runs last: its executions outlive the measurement and end with the stack.
/// </summary>
internal static class ScalingBenchmark
{
    private const int MaxPollers = 3;
    private const double RatePerExecution = 2;

    public static async Task RunAsync(RunContext context)
    {
        var sizes = context.Sizes;
        var window = TimeSpan.FromSeconds(sizes.ScalingWindowSeconds);
        // Long enough to outlast launching and the three windows.
        var events = (int)(RatePerExecution * (120 + MaxPollers * (sizes.BalanceWaitSeconds + sizes.ScalingWindowSeconds)));
        var executions = await SyntheticLaunches.LaunchManyAsync(context.Gateway, sizes.ScalingExecutions, events, sizes.Hosts, RatePerExecution);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(context.Stack.Infrastructure.Redis);
        var leases = redis.GetDatabase().WithKeyPrefix(context.Stack.Infrastructure.RedisKeyPrefix);

        var pollsPerSecond = new Dictionary<int, double>();
        for (var pollers = 1; pollers <= MaxPollers; pollers++)
        {
            while (context.Stack.Pollers.Count < pollers)
            {
                await context.Stack.StartPollerAsync();
            }

            var held = await WaitForBalanceAsync(context, leases, pollers);
            var urls = context.Stack.Pollers.Select(p => p.Url).ToList();
            var before = await context.Requests.CountAllAsync(urls);
            var cpuBefore = CpuSnapshot.Take(context.Stack.ProcessIds());
            await Task.Delay(window);
            var cpuUsed = CpuSnapshot.Take(context.Stack.ProcessIds()).SecondsSince(cpuBefore);
            var after = await context.Requests.CountAllAsync(urls);
            var (lagP50, lagP99, _) = await context.Stored.StoreLagAsync(executions, window);

            var label = $"with {pollers} poller{(pollers > 1 ? "s" : "")}";
            pollsPerSecond[pollers] = (after.Sum() - before.Sum()) / window.TotalSeconds;
            context.Book.Add(Sections.Scaling, $"AWX polls per second {label}", "requests/s", pollsPerSecond[pollers]);
            context.Book.Add(Sections.Scaling, $"active executions held per poller {label} (fewest)", "executions", held.Min());
            context.Book.Add(Sections.Scaling, $"active executions held per poller {label} (most)", "executions", held.Max());
            context.Book.Add(Sections.Scaling, $"poll lag p50 {label}", "ms", lagP50);
            context.Book.Add(Sections.Scaling, $"poll lag p99 {label}", "ms", lagP99);
            foreach (var (part, seconds) in cpuUsed)
            {
                context.Book.Add(Sections.Profile, $"scaling {label}, CPU per AWX poll: {part}", "µs", 1e6 * seconds / (after.Sum() - before.Sum()));
            }
        }

        context.Book.Add(Sections.Scaling, "polls per second, 2 pollers ÷ 1", "×", pollsPerSecond[2] / pollsPerSecond[1], Target.Minimum(1.8));
        context.Book.Add(Sections.Scaling, "polls per second, 3 pollers ÷ 1", "×", pollsPerSecond[3] / pollsPerSecond[1], Target.Minimum(2.5));
        context.Book.Note(Sections.Scaling, $"{sizes.ScalingExecutions:N0} executions, each emitting {RatePerExecution} events/s; each window {sizes.ScalingWindowSeconds} s after the pollers hold a fair share. Poll lag: stored_at − created of the rows stored in the window (AWX's created is when the emulator emitted the event). The polls-per-second ratios measure scaling only where one poller cannot keep up (every running execution wants a poll each 0.5 s): while one poller already polls everything at its pace, more pollers cannot poll more, and the lag shows the difference instead.");
    }

    /// <summary>
    /// Waits until every active execution (the idle ones of the cost measurement too) is held and no poller holds more
    /// than its fair share; answers how many each poller holds.
    /// </summary>
    private static async Task<int[]> WaitForBalanceAsync(RunContext context, IDatabase leases, int pollers)
    {
        var wait = TimeSpan.FromSeconds(context.Sizes.BalanceWaitSeconds);
        int[] held = [];
        Guid[] active = [];
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    active = await context.Stored.ActiveAsync();
                    held = await HeldAsync(context, leases, active);
                    return held.Sum() == active.Length && held.Max() <= (active.Length + pollers - 1) / pollers;
                },
                $"{pollers} pollers to share the active executions",
                wait);
        }
        catch (TimeoutException)
        {
            var owners = (await leases.StringGetAsync(active.Select(RedisStreamKeys.Lease).ToArray()))
                .GroupBy(owner => owner.HasValue ? string.Join('-', owner.ToString().Split('-')[..^1]) : "no lease")
                .Select(owner => $"{owner.Key}: {owner.Count()}");
            var exited = context.Stack.Pollers.Where(p => p.Process.HasExited).Select(p => p.Url.Port);
            context.Book.Note(Sections.Scaling, $"With {pollers} pollers the {active.Length} active executions were not all held in fair shares after {wait.TotalSeconds} s (held by the pollers, pids {string.Join(", ", context.Stack.Pollers.Select(p => p.Process.Id))}: {string.Join(", ", held)}; lease owners: {string.Join(", ", owners)}; pollers exited: {exited.Count()}); measured as they were.");
        }

        return held;
    }

    private static async Task<int[]> HeldAsync(RunContext context, IDatabase leases, IReadOnlyList<Guid> executions)
    {
        var owners = (await leases.StringGetAsync(executions.Select(RedisStreamKeys.Lease).ToArray()))
            .Where(owner => owner.HasValue).Select(owner => owner.ToString()).ToList();
        return context.Stack.Pollers
            .Select(p => owners.Count(owner => owner.Contains($"-{p.Process.Id}-", StringComparison.Ordinal)))
            .ToArray();
    }
}
