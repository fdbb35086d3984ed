namespace Fabrik.Executions.Contracts;

/// <summary>
/// Command to the Launcher (request/response): launch a new execution for the same request as
/// <see cref="RelaunchOf"/>, through the same launch path as the original.
/// </summary>
public sealed record RelaunchExecution
{
    /// <summary>The id proposed for the new execution.</summary>
    public required Guid ExecutionId { get; init; }

    /// <summary>The execution being relaunched.</summary>
    public required Guid RelaunchOf { get; init; }

    /// <summary>All hosts, or only the failed ones.</summary>
    public required RelaunchHosts Hosts { get; init; }

    /// <summary>
    /// For a workflow execution, retry from here: AWX's id of the node (of the relaunched execution's workflow job) to
    /// start at; that node and everything downstream of it run again, with the artifacts of the nodes before it as
    /// extra vars. Null relaunches the whole workflow.
    /// </summary>
    public long? FromNode { get; init; }

    /// <summary>Who asked for the relaunch.</summary>
    public required string RequestedBy { get; init; }
}
