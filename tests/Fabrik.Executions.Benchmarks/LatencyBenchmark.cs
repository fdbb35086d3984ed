namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 2 (and the memory of item 6): at each level, that many executions stream at once, each watched by a
/// SignalR subscriber; every event's delay from its visibility in the emulator to its arrival at the subscriber.
/// Subscribers share a connection per 25 executions, spread over both Gateways.
/// </summary>
internal static class LatencyBenchmark
{
    private const int ExecutionsPerConnection = 25;
    private const double MaxRatePerExecution = 20;
    private const int MinimumEvents = 30;

    public static async Task RunAsync(RunContext context)
    {
        await context.Stack.EnsurePollerAsync();
        foreach (var level in context.Sizes.LatencyLevels)
        {
            await MeasureLevelAsync(context, level);
        }

        context.Book.Note(Sections.Latency, $"Each level's executions emit {context.Sizes.LatencyEventsPerSecond:N0} events/s together (at most {MaxRatePerExecution} per execution) for about {context.Sizes.LatencySeconds} s; polling every 0.5 s (the default). Latency = arrival at the SignalR client − the moment the emulator made the event visible (both wall clock, same machine).");
    }

    private static async Task MeasureLevelAsync(RunContext context, int level)
    {
        var rate = Math.Min(MaxRatePerExecution, context.Sizes.LatencyEventsPerSecond / (double)level);
        var events = Math.Max(MinimumEvents, (int)(rate * context.Sizes.LatencySeconds));
        var gateways = context.Stack.GatewayUrls;
        var watchers = new List<HubWatcher>();
        for (var i = 0; i < (level + ExecutionsPerConnection - 1) / ExecutionsPerConnection; i++)
        {
            watchers.Add(await HubWatcher.ConnectAsync(gateways[i % gateways.Count], context.Stack.ApiKey));
        }

        var (peakRunning, peakPoller, peakGateway) = (0L, 0.0, 0.0);
        var deliveries = await PeriodicProbe.WhileAsync(
            TimeSpan.FromMilliseconds(500),
            async () =>
            {
                peakRunning = Math.Max(peakRunning, await context.Stored.RunningCountAsync());
                peakPoller = Math.Max(peakPoller, PeakResident(context.Stack, "poller"));
                peakGateway = Math.Max(peakGateway, PeakResident(context.Stack, "gateway"));
            },
            async () =>
            {
                var launched = await SyntheticLaunches.LaunchManyAsync(context.Gateway, level, events, context.Sizes.Hosts, rate,
                    (execution, i) => watchers[i % watchers.Count].SubscribeAsync(execution));
                return await Deliveries.CollectAsync(
                    context, launched.Select((execution, i) => (watchers[i % watchers.Count], execution)).ToList());
            });

        var label = $"at {level} concurrent";
        deliveries.AddPercentiles(context.Book, Sections.Latency, label,
            level == 100 ? Target.Maximum(400) : null, level == 100 ? Target.Maximum(1_000) : null);
        context.Book.Add(Sections.Latency, $"executions running at once (peak) {label}", "executions", peakRunning);
        if (level == context.Sizes.LatencyLevels.Max())
        {
            context.Book.Add(Sections.Cost, $"poller RSS at {level} concurrent executions (peak)", "MB", peakPoller, Target.Maximum(250));
            context.Book.Add(Sections.Cost, $"Gateway RSS at {level} concurrent executions (peak of either)", "MB", peakGateway);
        }

        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }
    }

    private static double PeakResident(BenchmarkStack stack, string kind) =>
        stack.ProcessIds().Where(p => p.Key.StartsWith(kind, StringComparison.Ordinal)).Select(p => ProcessMemory.ResidentMegabytes(p.Value)).DefaultIfEmpty().Max();
}
