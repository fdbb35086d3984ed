using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// What the hub calls on browsers, each with the contract record as published on the bus, in snake_case.
/// Events can arrive twice (replay overlapping live, redelivery): clients keep one per (job_id, counter).
/// </summary>
public interface IExecutionsClient
{
    /// <summary>Events of one execution, in counter order within each job.</summary>
    Task JobEvents(Guid executionId, IReadOnlyList<JobEventReceived> events);

    /// <summary>The execution as stored, sent to a subscriber after its replay, so a late subscriber knows where it ended.</summary>
    Task ExecutionSnapshot(ExecutionResource execution);

    Task ExecutionStatusChanged(ExecutionStatusChanged change);

    Task ExecutionProgressed(ExecutionProgressed progress);

    Task StreamHeartbeat(StreamHeartbeat heartbeat);

    /// <summary>A workflow node's whole state: live on each change, and every stored node after a subscriber's replay.</summary>
    Task WorkflowNodeChanged(WorkflowNodeChanged change);

    Task ExecutionFinished(ExecutionFinished finished);

    Task ExecutionResultsParsed(ExecutionResultsParsed results);
}
