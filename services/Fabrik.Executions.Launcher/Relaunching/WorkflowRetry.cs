using System.Text.Json.Nodes;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>
/// Retry from here, on the nodes a workflow execution stored: the chosen node and everything downstream of it run
/// again; what the nodes before it set with <c>set_stats</c> is passed on as extra vars, as AWX passes artifacts to
/// the nodes after the one that set them.
/// </summary>
public static class WorkflowRetry
{
    /// <summary>The node and every node reachable from it along success, failure and always edges.</summary>
    public static IReadOnlyList<WorkflowNodeRecord> FromNode(IReadOnlyList<WorkflowNodeRecord> nodes, WorkflowNodeRecord start)
    {
        var byId = nodes.Where(node => node.WorkflowJobId == start.WorkflowJobId).ToDictionary(node => node.NodeId);
        var reached = new Dictionary<long, WorkflowNodeRecord> { [start.NodeId] = start };
        var queue = new Queue<WorkflowNodeRecord>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in node.SuccessNodes.Concat(node.FailureNodes).Concat(node.AlwaysNodes))
            {
                if (byId.TryGetValue(next, out var child) && reached.TryAdd(next, child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return reached.Values.ToList();
    }

    /// <summary>
    /// The retry's extra vars: the artifacts of the nodes that ran before the retried ones (in the order they
    /// finished, a later one winning), with the execution's own extra vars over them, as a workflow's extra vars win
    /// over artifacts in AWX.
    /// </summary>
    public static string ExtraVars(string executionExtraVarsJson, IReadOnlyList<WorkflowNodeRecord> nodes, IReadOnlyList<WorkflowNodeRecord> retried)
    {
        var retriedIds = retried.Select(node => node.NodeId).ToHashSet();
        var merged = new JsonObject();
        var earlier = nodes
            .Where(node => node.WorkflowJobId == retried[0].WorkflowJobId && !retriedIds.Contains(node.NodeId) && node.Artifacts is not null)
            .OrderBy(node => node.FinishedAt ?? DateTime.MaxValue)
            .ThenBy(node => node.NodeId);
        foreach (var node in earlier)
        {
            MergeInto(merged, node.Artifacts!);
        }

        MergeInto(merged, executionExtraVarsJson);
        return merged.ToJsonString();
    }

    private static void MergeInto(JsonObject target, string json)
    {
        if (JsonNode.Parse(json) is not JsonObject source)
        {
            return;
        }

        foreach (var (name, value) in source.ToList())
        {
            source.Remove(name);
            target[name] = value;
        }
    }

    /// <summary>The identifiers the retry's clone keeps: AWX copies node identifiers, so they name the same nodes in a new clone.</summary>
    public static IReadOnlySet<string> Identifiers(IReadOnlyList<WorkflowNodeRecord> retried) =>
        retried.Select(node => node.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
