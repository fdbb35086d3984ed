namespace Fabrik.Executions.Benchmarks;

/// <summary>What every measurement of one run works with.</summary>
internal sealed class RunContext(BenchmarkStack stack, BenchmarkSizes sizes, FigureBook book, TextWriter log) : IDisposable
{
    public BenchmarkStack Stack => stack;

    public BenchmarkSizes Sizes => sizes;

    public FigureBook Book => book;

    public HttpClient Gateway { get; } = stack.CreateGatewayClient();

    public HttpClient Emulator { get; } = stack.CreateEmulatorClient();

    public EmulatorJobs Jobs => new(Emulator);

    public StoredExecutions Stored { get; } = new(stack.Infrastructure.Postgres);

    public PollerRequests Requests => new(stack.EmulatorUrl);

    /// <summary>The execution whose ingest was measured: the history the replay reads.</summary>
    public Guid IngestedExecution { get; set; }

    public long IngestedJob { get; set; }

    public Task LogAsync(string line) => log.WriteLineAsync($"{DateTime.UtcNow:HH:mm:ss} {line}");

    public void Dispose()
    {
        Gateway.Dispose();
        Emulator.Dispose();
    }
}
