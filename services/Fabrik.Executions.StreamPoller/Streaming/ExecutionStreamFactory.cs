using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Leasing;
using Fabrik.Executions.StreamPoller.Telemetry;
using Microsoft.Extensions.Options;

namespace Fabrik.Executions.StreamPoller.Streaming;

public sealed class ExecutionStreamFactory(
    AwxClient awx,
    ExecutionRepository executions,
    JobEventStore events,
    JobStreamRepository streams,
    StreamPublisher publisher,
    StreamLeases leases,
    StreamKeepalive keepalive,
    IOptions<StreamPollerOptions> options,
    PollerMetrics metrics,
    ILogger<ExecutionStream> logger)
{
    private readonly StreamContext context = new(
        awx, executions, events, streams, publisher, leases, keepalive, options.Value, TimeProvider.System, metrics, logger);

    public ExecutionStream Create(ExecutionRecord execution) => new(context, execution);
}
