using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>The state of one node of a workflow execution.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<WorkflowNodeState>))]
public enum WorkflowNodeState
{
    /// <summary>Not started.</summary>
    Pending,
    /// <summary>Its job is queued in AWX, or its approval waits for a decision.</summary>
    Waiting,
    /// <summary>Its job runs.</summary>
    Running,
    /// <summary>Its job succeeded or its approval was granted.</summary>
    Successful,
    /// <summary>Its job failed or its approval was denied or timed out.</summary>
    Failed,
    /// <summary>AWX could not run its job.</summary>
    Error,
    /// <summary>Its job was canceled.</summary>
    Canceled,
    /// <summary>AWX decided not to run it (<c>do_not_run</c>): no edge led to it.</summary>
    Skipped,
}
