using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.IntegrationTests.Polling;

/// <summary>
/// A pipeline with a bus probe that hears what the pollers publish about an execution's stream (events one by one and
/// page by page, for everyone and for the Gateways, heartbeats and finishes), and AWX looked at directly.
/// </summary>
internal sealed class PollingSession(Pipeline pipeline, BusProbe probe) : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public Pipeline Pipeline => pipeline;

    public BusProbe Probe => probe;

    public HttpClient Gateway { get; } = pipeline.CreateGatewayClient();

    public HttpClient Awx { get; } = pipeline.Awx.CreateClient();

    public static async Task<PollingSession> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, int pollers = 1)
    {
        var pipeline = await Pipeline.StartAsync(pollers: pollers, settings: settings);
        var probe = await new BusProbe(pipeline.Infrastructure)
            .Recording<JobEventReceived>()
            .Recording<JobEventsReceived>()
            .Recording<WatchedJobEventsReceived>()
            .Recording<StreamHeartbeat>()
            .Recording<ExecutionFinished>()
            .StartAsync();
        return new PollingSession(pipeline, probe);
    }

    /// <summary>The AWX job the execution launched, once the Launcher has recorded it.</summary>
    public async Task<int> AwxJobIdAsync(Guid executionId)
    {
        var jobId = 0;
        await Eventually.TrueAsync(
            async () => (await Gateway.GetExecutionAsync(executionId)).GetProperty("awx_job_id") is { ValueKind: JsonValueKind.Number } id && (jobId = id.GetInt32()) > 0,
            "the launch to reach AWX",
            Deadline);
        return jobId;
    }

    public Task<JsonElement> AwxJobAsync(int jobId) => Awx.GetFromJsonAsync<JsonElement>($"/api/v2/jobs/{jobId}/");

    public Task WaitUntilAwxProcessedAsync(int jobId) =>
        Eventually.TrueAsync(
            async () => (await AwxJobAsync(jobId)).GetProperty("event_processing_finished").GetBoolean(),
            $"AWX job {jobId} to end with every event saved",
            Deadline);

    public Task<ExecutionFinished> FinishedMessageAsync(Guid executionId) =>
        probe.WaitForAsync<ExecutionFinished>(finished => finished.ExecutionId == executionId, $"ExecutionFinished of {executionId}", Deadline);

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        Awx.Dispose();
        await probe.DisposeAsync();
        await pipeline.DisposeAsync();
    }
}
