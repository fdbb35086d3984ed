using BenchmarkDotNet.Attributes;
using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Streaming;

namespace Fabrik.Executions.Benchmarks.Micro;

/// <summary>
/// The poller's in-process work on one full page of AWX events, step by step: parsing AWX's JSON, mapping each event to
/// <see cref="JobEventReceived"/>, and building the one insert statement's column arrays.
/// </summary>
[MemoryDiagnoser]
public class EventPageBenchmarks
{
    private static readonly Guid ExecutionId = Guid.NewGuid();
    private byte[] page = [];
    private AwxPage<AwxJobEvent> parsed = new();
    private List<JobEventReceived> mapped = [];

    [GlobalSetup]
    public void Setup()
    {
        page = AwxEventPage.Utf8();
        parsed = AwxEventPage.Parse(page);
        mapped = Map();
    }

    [Benchmark]
    public AwxPage<AwxJobEvent> ParsePage() => AwxEventPage.Parse(page);

    [Benchmark]
    public List<JobEventReceived> MapPage() => Map();

    [Benchmark]
    public int BuildInsert() => JobEventRows.Insert(ExecutionId, 1, mapped).Parameters.Count;

    private List<JobEventReceived> Map()
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var events = new List<JobEventReceived>(parsed.Results.Count);
        foreach (var awxEvent in parsed.Results)
        {
            events.Add(AwxEventMapper.ToContract(ExecutionId, 1, awxEvent, receivedAt));
        }

        return events;
    }
}
