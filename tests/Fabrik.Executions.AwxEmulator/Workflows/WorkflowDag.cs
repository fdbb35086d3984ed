using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>
/// AWX's workflow rules (awx/main/scheduler/dag_workflow.py) over one workflow job's nodes, with each spawned job's
/// status read once when the pass begins.
/// </summary>
internal sealed class WorkflowDag
{
    private readonly IReadOnlyList<WorkflowJobNode> _nodes;
    private readonly Dictionary<int, WorkflowJobNode> _byId;
    private readonly Dictionary<int, JobStatus?> _status;
    private readonly Dictionary<int, List<(WorkflowJobNode Parent, WorkflowEdgeKind Kind)>> _parents;

    public WorkflowDag(IReadOnlyList<WorkflowJobNode> nodes, DateTimeOffset now)
    {
        _nodes = nodes;
        _byId = nodes.ToDictionary(node => node.Id);
        _status = nodes.ToDictionary(node => node.Id, node => node.Job?.StateAt(now).Status);
        _parents = nodes.ToDictionary(node => node.Id, _ => new List<(WorkflowJobNode, WorkflowEdgeKind)>());
        foreach (var node in nodes)
        {
            foreach (var kind in WorkflowEdgeKinds.All)
            {
                foreach (var child in node.Edges.Of(kind))
                {
                    _parents[child].Add((node, kind));
                }
            }
        }
    }

    /// <summary>mark_dnr_nodes: nodes whose incoming edges can no longer fire, in topological order so it propagates.</summary>
    public void MarkDoNotRun()
    {
        foreach (var node in TopologicalOrder())
        {
            if (node.DoNotRun || node.Job is not null || IsRoot(node))
            {
                continue;
            }
            var parents = ParentsOf(node);
            if (node.Settings.AllParentsMustConverge)
            {
                node.DoNotRun = parents.Any(parent => parent.DoNotRun) || !AllParentsMetConvergenceCriteria(node);
            }
            else if (parents.All(IsDoNotRunDecided))
            {
                node.DoNotRun = ShouldMarkDoNotRun(node, parents);
            }
        }
    }

    /// <summary>bfs_nodes_to_run: the nodes whose job may start now, roots first.</summary>
    public IReadOnlyList<WorkflowJobNode> NodesToRun()
    {
        var queue = new List<WorkflowJobNode>(_nodes.Where(IsRoot));
        var visited = new HashSet<int>();
        var found = new List<WorkflowJobNode>();
        for (var index = 0; index < queue.Count; index++)
        {
            var node = queue[index];
            if (!visited.Add(node.Id) || node.DoNotRun)
            {
                continue;
            }
            if (_status[node.Id] is { } status)
            {
                if (status is JobStatus.Failed or JobStatus.Error or JobStatus.Canceled)
                {
                    queue.AddRange(ChildrenOf(node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always));
                }
                else if (status == JobStatus.Successful)
                {
                    queue.AddRange(ChildrenOf(node, WorkflowEdgeKind.Success, WorkflowEdgeKind.Always));
                }
            }
            else if (node.Template is null)
            {
                queue.AddRange(ChildrenOf(node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always));
            }
            else if (node.Job is null && AreRelevantParentsFinished(node)
                && (!node.Settings.AllParentsMustConverge || AllParentsMetConvergenceCriteria(node)))
            {
                found.Add(node);
            }
        }
        return found;
    }

    /// <summary>is_workflow_done: every node either decided not to run or has a finished job.</summary>
    public bool IsDone() => _nodes.All(node =>
        node.Job is null
            ? node.DoNotRun || node.Template is null
            : _status[node.Id]!.Value.IsTerminal());

    /// <summary>has_workflow_failed: a failed node (or one without a template) with no failure or always path.</summary>
    public bool HasFailed() => _nodes
        .Where(node => (!node.DoNotRun && node.Template is null)
            || _status[node.Id] is JobStatus.Failed or JobStatus.Canceled or JobStatus.Error)
        .Any(node => !ChildrenOf(node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always).Any());

    private bool IsRoot(WorkflowJobNode node) => _parents[node.Id].Count == 0;

    private List<WorkflowJobNode> ParentsOf(WorkflowJobNode node) => [.. _parents[node.Id].Select(edge => edge.Parent).Distinct()];

    private IEnumerable<WorkflowJobNode> ChildrenOf(WorkflowJobNode node, params WorkflowEdgeKind[] kinds) =>
        kinds.SelectMany(kind => node.Edges.Of(kind)).Select(child => _byId[child]);

    private bool IsChildBy(WorkflowJobNode parent, WorkflowJobNode child, params WorkflowEdgeKind[] kinds) =>
        kinds.Any(kind => parent.Edges.Contains(kind, child.Id));

    // _are_all_nodes_dnr_decided for one node: it will not become do_not_run later once it has a job or cannot run one.
    private static bool IsDoNotRunDecided(WorkflowJobNode node) => node.DoNotRun || node.Job is not null || node.Template is null;

    private bool AreRelevantParentsFinished(WorkflowJobNode node) => ParentsOf(node).All(parent =>
        parent.DoNotRun || parent.Template is null || (parent.Job is not null && _status[parent.Id]!.Value.IsTerminal()));

    private bool AllParentsMetConvergenceCriteria(WorkflowJobNode node) => ParentsOf(node).All(parent => _status[parent.Id] switch
    {
        JobStatus.Successful => IsChildBy(parent, node, WorkflowEdgeKind.Success, WorkflowEdgeKind.Always),
        JobStatus.Failed => IsChildBy(parent, node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always),
        _ => true,
    });

    private bool ShouldMarkDoNotRun(WorkflowJobNode node, List<WorkflowJobNode> parents)
    {
        foreach (var parent in parents)
        {
            if (parent.DoNotRun)
            {
                continue;
            }
            if (parent.Job is not null)
            {
                var fires = _status[parent.Id] switch
                {
                    JobStatus.Successful => IsChildBy(parent, node, WorkflowEdgeKind.Success, WorkflowEdgeKind.Always),
                    JobStatus.Failed or JobStatus.Error or JobStatus.Canceled => IsChildBy(parent, node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always),
                    _ => true,
                };
                if (fires)
                {
                    return false;
                }
            }
            else if (parent.Template is null)
            {
                if (IsChildBy(parent, node, WorkflowEdgeKind.Failure, WorkflowEdgeKind.Always))
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private List<WorkflowJobNode> TopologicalOrder()
    {
        var incoming = _nodes.ToDictionary(node => node.Id, node => ParentsOf(node).Count);
        var ready = new PriorityQueue<WorkflowJobNode, int>(_nodes.Where(node => incoming[node.Id] == 0).Select(node => (node, node.Id)));
        var order = new List<WorkflowJobNode>();
        while (ready.TryDequeue(out var node, out _))
        {
            order.Add(node);
            foreach (var child in node.Edges.AllChildren.Distinct().Select(id => _byId[id]))
            {
                if (--incoming[child.Id] == 0)
                {
                    ready.Enqueue(child, child.Id);
                }
            }
        }
        return order;
    }
}
