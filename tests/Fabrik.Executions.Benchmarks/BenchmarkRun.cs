namespace Fabrik.Executions.Benchmarks;

/// <summary>One run: a fresh stack, each chosen measurement once, each phase's CPU shares for the report.</summary>
internal static class BenchmarkRun
{
    private static readonly Dictionary<string, (string Label, Func<RunContext, Task> Measure)> Measurements = new()
    {
        [BenchmarkPhases.Ingest] = ("ingest", IngestBenchmark.RunAsync),
        [BenchmarkPhases.RawLimits] = ("raw limits", RawLimitsBenchmark.RunAsync),
        [BenchmarkPhases.Replay] = ("replay", ReplayBenchmark.RunAsync),
        [BenchmarkPhases.Latency] = ("latency", LatencyBenchmark.RunAsync),
        [BenchmarkPhases.FanOut] = ("fan-out", FanOutBenchmark.RunAsync),
        [BenchmarkPhases.Idle] = ("idle executions", IdleCostBenchmark.RunAsync),
        [BenchmarkPhases.Scaling] = ("scaling", ScalingBenchmark.RunAsync),
    };

    public static async Task RunAsync(BenchmarkSizes sizes, IReadOnlyList<string> phases, FigureBook book, TextWriter log)
    {
        await using var stack = await BenchmarkStack.StartAsync(gatewayCount: 2);
        using var context = new RunContext(stack, sizes, book, log);
        foreach (var phase in phases)
        {
            var (label, measure) = Measurements[phase];
            await PhaseAsync(context, label, measure);
        }
    }

    private static async Task PhaseAsync(RunContext context, string phase, Func<RunContext, Task> measure)
    {
        await context.LogAsync($"{phase}: starting");
        var before = CpuSnapshot.Take(context.Stack.ProcessIds());
        try
        {
            await measure(context);
        }
        catch
        {
            await context.LogAsync($"{phase}: failed; what the services wrote last:{Environment.NewLine}{context.Stack.RecentOutput()}");
            throw;
        }

        var after = CpuSnapshot.Take(context.Stack.ProcessIds());
        foreach (var (part, percent) in after.SharesSince(before))
        {
            context.Book.Add(Sections.Profile, $"{phase}: {part}", "% of one core", percent);
        }

        await context.LogAsync($"{phase}: done");
    }
}
