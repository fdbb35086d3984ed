namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>A node's outgoing edges: the ids of its success, failure and always children.</summary>
internal sealed class NodeEdges
{
    private readonly Dictionary<WorkflowEdgeKind, List<int>> _children = WorkflowEdgeKinds.All.ToDictionary(kind => kind, _ => new List<int>());

    public IReadOnlyList<int> Of(WorkflowEdgeKind kind) => _children[kind];

    public IEnumerable<int> AllChildren => _children.Values.SelectMany(children => children);

    public IReadOnlyDictionary<WorkflowEdgeKind, IReadOnlyList<int>> Snapshot() =>
        _children.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<int>)[.. pair.Value]);

    public bool Contains(WorkflowEdgeKind kind, int child) => _children[kind].Contains(child);

    public void Add(WorkflowEdgeKind kind, int child)
    {
        if (!_children[kind].Contains(child))
        {
            _children[kind].Add(child);
            _children[kind].Sort();
        }
    }

    public void Remove(WorkflowEdgeKind kind, int child) => _children[kind].Remove(child);

    public void RemoveEverywhere(int child)
    {
        foreach (var children in _children.Values)
        {
            children.Remove(child);
        }
    }

    /// <summary>Edges like <paramref name="children"/> with every child id translated, for copies and launches.</summary>
    public static NodeEdges Translated(IReadOnlyDictionary<WorkflowEdgeKind, IReadOnlyList<int>> children, Func<int, int> newId)
    {
        var edges = new NodeEdges();
        foreach (var (kind, ids) in children)
        {
            foreach (var child in ids)
            {
                edges.Add(kind, newId(child));
            }
        }
        return edges;
    }
}
