namespace Fabrik.Executions.Benchmarks;

/// <summary>Runs every measurement <see cref="BenchmarkOptions.Runs"/> times, each on a fresh stack, and writes the report.</summary>
public static class BenchmarkHarness
{
    public static async Task<string> RunAsync(BenchmarkOptions options, TextWriter log)
    {
        var machine = await MachineDescription.DescribeAsync();
        var started = DateTimeOffset.UtcNow;
        var book = new FigureBook();
        for (var run = 1; run <= options.Runs; run++)
        {
            await log.WriteLineAsync($"run {run} of {options.Runs}");
            await BenchmarkRun.RunAsync(options.Sizes, options.Phases, book, log);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, BenchmarkReport.Write(options, machine, started, DateTimeOffset.UtcNow - started, book));
        return options.Output;
    }
}
