using Fabrik.Executions.Benchmarks;

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    await Console.Error.WriteLineAsync(BenchmarkOptions.Usage);
    return 2;
}

var report = await BenchmarkHarness.RunAsync(options, Console.Out);
await Console.Out.WriteLineAsync($"Wrote {report}");
return 0;
