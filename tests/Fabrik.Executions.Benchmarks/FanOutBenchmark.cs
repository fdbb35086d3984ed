namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Issue 9, item 4: many SignalR connections, alternately on the two Gateways, each watching one of a few executions
/// that stream together at a high rate: every connection must get every event; delivery latency percentiles.
/// </summary>
internal static class FanOutBenchmark
{
    private const int ConnectParallel = 16;

    public static async Task RunAsync(RunContext context)
    {
        await context.Stack.EnsurePollerAsync();
        var sizes = context.Sizes;
        var gateways = context.Stack.GatewayUrls;
        var watchers = new HubWatcher[sizes.FanOutConnections];
        await Parallel.ForAsync(0, watchers.Length, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallel }, async (i, _) =>
            watchers[i] = await HubWatcher.ConnectAsync(gateways[i % gateways.Count], context.Stack.ApiKey));

        var rate = sizes.FanOutEventsPerSecond / (double)sizes.FanOutExecutions;
        var events = (int)(rate * sizes.FanOutSeconds);
        var launched = await SyntheticLaunches.LaunchManyAsync(context.Gateway, sizes.FanOutExecutions, events, sizes.Hosts, rate,
            (execution, e) => Task.WhenAll(watchers.Where((_, i) => i % sizes.FanOutExecutions == e).Select(w => w.SubscribeAsync(execution))));
        var deliveries = await Deliveries.CollectAsync(
            context, watchers.Select((watcher, i) => (watcher, launched[i % launched.Count])).ToList());

        var label = $"over {sizes.FanOutConnections} connections";
        deliveries.AddPercentiles(context.Book, Sections.FanOut, label, p99: Target.Maximum(1_500));
        context.Book.Add(Sections.FanOut, "connections that received every event", "connections", deliveries.Complete, Target.Minimum(sizes.FanOutConnections));
        context.Book.Add(Sections.FanOut, "events delivered to connections per second", "events/s",
            deliveries.LatenciesMs.Count / (double)Math.Max(1, sizes.FanOutSeconds));
        context.Book.Note(Sections.FanOut, $"{sizes.FanOutConnections} connections (half on each Gateway), each watching one of {sizes.FanOutExecutions} executions that emit {sizes.FanOutEventsPerSecond:N0} events/s together for {sizes.FanOutSeconds} s ({events} events each).");
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }
    }
}
