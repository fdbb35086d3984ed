using Fabrik.Executions.Launcher.Launching;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>Which nodes a workflow execution's clone holds: all of them, or for a retry from a node those from it on.</summary>
public sealed class WorkflowClonePlanner(WorkflowRepository workflows)
{
    public async Task<WorkflowClonePlan> PlanAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        if (execution is not { RelaunchFromNode: { } fromNode, RelaunchOf: { } relaunchOf })
        {
            return WorkflowClonePlan.Whole;
        }

        var nodes = await workflows.ListNodesAsync(relaunchOf, cancellationToken);
        var start = nodes.FirstOrDefault(node => node.NodeId == fromNode)
                    ?? throw new AwxLaunchFailedException(
                        $"Node {fromNode} of execution {relaunchOf}, where this retry starts, is no longer stored, so nothing was launched.");
        return new WorkflowClonePlan(WorkflowRetry.Identifiers(WorkflowRetry.FromNode(nodes, start)));
    }
}
