using Fabrik.Executions.Awx;
using Fabrik.Executions.Contracts;
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
    WorkflowRepository workflows,
    StreamPublisher publisher,
    StreamLeases leases,
    StreamKeepalive keepalive,
    IOptions<StreamPollerOptions> options,
    PollerMetrics metrics,
    ILogger<ExecutionStream> logger)
{
    private readonly StreamContext context = new(
        awx, executions, events, streams, workflows, publisher, leases, keepalive, options.Value, TimeProvider.System, metrics, logger);

    /// <summary>A stream that follows the execution's job, or its workflow job and every job its nodes run.</summary>
    public ExecutionStream Create(ExecutionRecord execution) =>
        new(context, execution.Id, execution.TemplateKind == TemplateKind.Workflow
            ? new WorkflowFollower(context, execution)
            : new JobFollower(context, execution));
}
