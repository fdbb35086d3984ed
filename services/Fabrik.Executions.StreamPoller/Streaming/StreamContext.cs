using Fabrik.Executions.Awx;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Leasing;
using Fabrik.Executions.StreamPoller.Telemetry;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>The services every execution stream of this poller shares.</summary>
public sealed record StreamContext(
    AwxClient Awx,
    ExecutionRepository Executions,
    JobEventStore Events,
    JobStreamRepository Streams,
    WorkflowRepository Workflows,
    StreamPublisher Publisher,
    StreamLeases Leases,
    StreamKeepalive Keepalive,
    StreamPollerOptions Options,
    TimeProvider Clock,
    PollerMetrics Metrics,
    ILogger<ExecutionStream> Logger);
