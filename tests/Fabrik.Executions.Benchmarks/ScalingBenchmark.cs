using Fabrik.Executions.Hosting;
using Fabrik.Executions.Testing;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 3: many executions streaming slowly at once, polled by one, then two, then three pollers (each new one
/// takes its fair share without a restart): executions held by each, AWX polls per second, and poll lag (an event's
/// creation in AWX to its row), with the pollers unlimited and with each limited to a share of a core (see
/// <see cref="BenchmarkSizes.ScalingPollerCores"/>). Runs last: its executions outlive the measurement and end with the stack.
/// </summary>
internal static class ScalingBenchmark
{
    private const int MaxPollers = 3;
    private const double RatePerExecution = 2;

    public static async Task RunAsync(RunContext context)
    {
        var sizes = context.Sizes;
        // Long enough to outlast launching and the windows: each poller count is measured twice, after balance and warm-up.
        var events = (int)(RatePerExecution * (120 + MaxPollers * (sizes.BalanceWaitSeconds + 2 * sizes.ScalingWindowSeconds + 60)));
        var executions = await SyntheticLaunches.LaunchManyAsync(context.Gateway, sizes.ScalingExecutions, events, sizes.Hosts, RatePerExecution);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(context.Stack.Infrastructure.Redis);
        var leases = redis.GetDatabase().WithKeyPrefix(context.Stack.Infrastructure.RedisKeyPrefix);
        using var quota = CpuQuota.TryCreate(out var whyUnlimited);
        var limited = $"{sizes.ScalingPollerCores:0.##} core each";

        var unlimitedPolls = new Dictionary<int, double>();
        var limitedPolls = new Dictionary<int, double>();
        for (var pollers = 1; pollers <= MaxPollers; pollers++)
        {
            while (context.Stack.Pollers.Count < pollers)
            {
                await context.Stack.StartPollerAsync();
            }

            var label = $"with {pollers} poller{(pollers > 1 ? "s" : "")}";
            var held = await WaitForBalanceAsync(context, leases, pollers);
            context.Book.Add(Sections.Scaling, $"active executions held per poller {label} (fewest)", "executions", held.Min());
            context.Book.Add(Sections.Scaling, $"active executions held per poller {label} (most)", "executions", held.Max());
            var (warmUp, warm) = await PollerWarmUp.WaitAsync(context.Stack.Pollers.Select(p => p.Url).ToList(), TimeSpan.FromSeconds(sizes.WarmUpLimitSeconds));
            context.Book.Add(Sections.Scaling, $"JIT warm-up after balance {label}", "s", warmUp.TotalSeconds);
            if (!warm)
            {
                context.Book.Note(Sections.Scaling, $"With {pollers} pollers they still compiled code after {sizes.WarmUpLimitSeconds} s; measured as they were.");
            }

            unlimitedPolls[pollers] = await MeasureWindowAsync(context, executions, label);
            if (quota is not null && limitedPolls.Count == pollers - 1)
            {
                try
                {
                    quota.Limit(context.Stack.Pollers.Select(p => p.Process.Id), sizes.ScalingPollerCores);
                    await Task.Delay(TimeSpan.FromSeconds(sizes.SettleSeconds));
                    limitedPolls[pollers] = await MeasureWindowAsync(context, executions, $"{label} of {limited}");
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    whyUnlimited = $"setting the quota failed: {exception.Message}";
                }
                finally
                {
                    quota.Lift();
                }
            }
        }

        var limitedAll = limitedPolls.Count == MaxPollers;
        var (judged, other) = limitedAll ? (limitedPolls, unlimitedPolls) : (unlimitedPolls, null);
        var judgedLabel = limitedAll ? $" of {limited}" : "";
        context.Book.Add(Sections.Scaling, $"polls per second, 2 pollers{judgedLabel} ÷ 1", "×", judged[2] / judged[1], Target.Minimum(1.8));
        context.Book.Add(Sections.Scaling, $"polls per second, 3 pollers{judgedLabel} ÷ 1", "×", judged[3] / judged[1], Target.Minimum(2.5));
        if (other is not null)
        {
            context.Book.Add(Sections.Scaling, "polls per second, 2 pollers unlimited ÷ 1", "×", other[2] / other[1]);
            context.Book.Add(Sections.Scaling, "polls per second, 3 pollers unlimited ÷ 1", "×", other[3] / other[1]);
        }

        context.Book.Note(Sections.Scaling, $"{sizes.ScalingExecutions:N0} executions, each emitting {RatePerExecution} events/s; each window {sizes.ScalingWindowSeconds} s, once the pollers hold a fair share and have compiled their hot code (JIT warm-up: until no poller compiles 50 methods in 5 s). Poll lag: stored_at − created of the rows stored in the window (AWX's created is when the emulator emitted the event). Every running execution wants a poll each 0.5 s, more than pollers reach here, so polls per second is what the pollers manage. A poller that falls behind polls each execution less often and finds more events at each poll: its polls fall faster than the work it does (events stored per second) and its lag grows.");
        context.Book.Note(Sections.Scaling, !limitedAll
            ? $"The pollers could not be limited to {limited} ({whyUnlimited}): the targets are judged on pollers that share this machine's two cores with everything else, where one poller already saturates them."
            : $"Each poller count is measured twice: unlimited, where one poller already saturates this machine's two cores (it, PostgreSQL, RabbitMQ, the emulator and the Gateways together spend about 2 ms of CPU per poll, see where the time goes) so more pollers cannot poll more; and with each poller limited to {limited} by a cgroup CPU quota, the CPU the Kubernetes manifest requests for a poller, as each poller of a cluster has CPU of its own: then a poller, not the machine, bounds the polls, and three such pollers with what their polls cost the servers still fit in two cores. One limited poller falls far behind, polls with many events each, and so manages fewer polls than its share of a core would give at the pace of two or three: the limited ratios can exceed the number of pollers. The targets are judged on the limited pollers.");
    }

    /// <summary>Counts the pollers' AWX polls over one window and adds its figures; answers polls per second.</summary>
    private static async Task<double> MeasureWindowAsync(RunContext context, IReadOnlyList<Guid> executions, string label)
    {
        var window = TimeSpan.FromSeconds(context.Sizes.ScalingWindowSeconds);
        var urls = context.Stack.Pollers.Select(p => p.Url).ToList();
        var before = await context.Requests.CountAllAsync(urls);
        var cpuBefore = CpuSnapshot.Take(context.Stack.ProcessIds());
        await Task.Delay(window);
        var cpuUsed = CpuSnapshot.Take(context.Stack.ProcessIds()).SecondsSince(cpuBefore);
        var polls = (await context.Requests.CountAllAsync(urls)).Sum() - before.Sum();
        var (lagP50, lagP99, events) = await context.Stored.StoreLagAsync(executions, window);

        context.Book.Add(Sections.Scaling, $"AWX polls per second {label}", "requests/s", polls / window.TotalSeconds);
        context.Book.Add(Sections.Scaling, $"events stored per second {label}", "events/s", events / window.TotalSeconds);
        context.Book.Add(Sections.Scaling, $"events per AWX poll {label}", "events", (double)events / polls);
        context.Book.Add(Sections.Scaling, $"poll lag p50 {label}", "ms", lagP50);
        context.Book.Add(Sections.Scaling, $"poll lag p99 {label}", "ms", lagP99);
        foreach (var (part, seconds) in cpuUsed)
        {
            context.Book.Add(Sections.Profile, $"scaling {label}, CPU per AWX poll: {part}", "µs", 1e6 * seconds / polls);
        }

        return polls / window.TotalSeconds;
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
