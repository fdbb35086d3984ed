namespace Fabrik.Executions.Benchmarks;

/// <summary>One run: a fresh stack, every measurement once, each phase's CPU shares for the report.</summary>
internal static class BenchmarkRun
{
    public static async Task RunAsync(BenchmarkSizes sizes, FigureBook book, TextWriter log)
    {
        await using var stack = await BenchmarkStack.StartAsync(gatewayCount: 2);
        using var context = new RunContext(stack, sizes, book, log);
        await PhaseAsync(context, "ingest", IngestBenchmark.RunAsync);
        await PhaseAsync(context, "raw limits", RawLimitsBenchmark.RunAsync);
        await PhaseAsync(context, "replay", ReplayBenchmark.RunAsync);
        await PhaseAsync(context, "latency", LatencyBenchmark.RunAsync);
        await PhaseAsync(context, "fan-out", FanOutBenchmark.RunAsync);
        await PhaseAsync(context, "idle executions", IdleCostBenchmark.RunAsync);
        await PhaseAsync(context, "scaling", ScalingBenchmark.RunAsync);
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
