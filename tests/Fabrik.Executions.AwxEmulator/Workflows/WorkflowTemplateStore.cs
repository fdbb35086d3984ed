using Fabrik.Executions.AwxEmulator.Catalog;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>
/// Workflow job templates, their nodes and edges, and approval templates. One lock guards them all: edits are rare and
/// small, and a reader never sees half an edit.
/// </summary>
internal sealed class WorkflowTemplateStore(EmulatorIds ids, JobTemplateCatalog jobTemplates, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, WorkflowTemplate> _templates = [];
    private readonly Dictionary<int, WorkflowTemplateNode> _nodes = [];
    private readonly Dictionary<int, ApprovalTemplate> _approvalTemplates = [];

    public IReadOnlyList<WorkflowTemplate> Templates()
    {
        lock (_gate)
        {
            return [.. _templates.Values.OrderBy(template => template.Id)];
        }
    }

    public WorkflowTemplate? FindTemplate(int id)
    {
        lock (_gate)
        {
            return _templates.GetValueOrDefault(id);
        }
    }

    public ApprovalTemplate? FindApprovalTemplate(int id)
    {
        lock (_gate)
        {
            return _approvalTemplates.GetValueOrDefault(id);
        }
    }

    /// <summary>Whatever a node may launch: a job template, a workflow job template or an approval template.</summary>
    public UnifiedTemplateReference? Describe(int id)
    {
        if (jobTemplates.Find(id) is { } jobTemplate)
        {
            return new UnifiedTemplateReference(id, jobTemplate.Name, jobTemplate.Description, UnifiedTemplateKind.JobTemplate);
        }
        lock (_gate)
        {
            if (_templates.TryGetValue(id, out var workflow))
            {
                return new UnifiedTemplateReference(id, workflow.Name, workflow.Description, UnifiedTemplateKind.WorkflowTemplate);
            }
            return _approvalTemplates.TryGetValue(id, out var approval)
                ? new UnifiedTemplateReference(id, approval.Name, approval.Description, UnifiedTemplateKind.ApprovalTemplate)
                : null;
        }
    }

    public void AddTemplate(WorkflowTemplate template)
    {
        lock (_gate)
        {
            _templates.Add(template.Id, template);
        }
    }

    public void AddApprovalTemplate(ApprovalTemplate template)
    {
        lock (_gate)
        {
            _approvalTemplates.Add(template.Id, template);
        }
    }

    /// <summary>Null when there is no such workflow job template.</summary>
    public IReadOnlyList<WorkflowNodeSnapshot>? NodesOf(int templateId)
    {
        lock (_gate)
        {
            return _templates.ContainsKey(templateId)
                ? [.. _nodes.Values.Where(node => node.WorkflowTemplateId == templateId).OrderBy(node => node.Id).Select(WorkflowNodeSnapshot.Of)]
                : null;
        }
    }

    public WorkflowNodeSnapshot? FindNode(int id)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue(id, out var node) ? WorkflowNodeSnapshot.Of(node) : null;
        }
    }

    public IReadOnlyList<WorkflowNodeSnapshot> ChildrenOf(WorkflowNodeSnapshot parent, WorkflowEdgeKind kind)
    {
        lock (_gate)
        {
            return [.. parent.Children[kind].Where(_nodes.ContainsKey).Select(child => WorkflowNodeSnapshot.Of(_nodes[child]))];
        }
    }

    public WorkflowNodeSnapshot? AddNode(int templateId, WorkflowNodeSettings settings)
    {
        lock (_gate)
        {
            if (!_templates.ContainsKey(templateId))
            {
                return null;
            }
            var node = new WorkflowTemplateNode((int)ids.WorkflowTemplateNodes.Next(), templateId, settings, time.GetUtcNow());
            _nodes.Add(node.Id, node);
            return WorkflowNodeSnapshot.Of(node);
        }
    }

    public WorkflowNodeSnapshot? UpdateNode(int id, Func<WorkflowNodeSettings, WorkflowNodeSettings> change)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(id, out var node))
            {
                return null;
            }
            node.Settings = change(node.Settings);
            node.Modified = time.GetUtcNow();
            return WorkflowNodeSnapshot.Of(node);
        }
    }

    public bool DeleteNode(int id)
    {
        lock (_gate)
        {
            if (!_nodes.Remove(id))
            {
                return false;
            }
            foreach (var other in _nodes.Values)
            {
                other.Edges.RemoveEverywhere(id);
            }
            return true;
        }
    }

    /// <summary>AWX's checks on a new edge (WorkflowJobTemplateNodeChildrenBaseList.is_valid_relation); null when linked.</summary>
    public string? Link(int parentId, WorkflowEdgeKind kind, int childId)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(parentId, out var parent))
            {
                return "Not found.";
            }
            if (!_nodes.TryGetValue(childId, out var child) || child.WorkflowTemplateId != parent.WorkflowTemplateId)
            {
                return "Cannot associate a node of another workflow job template.";
            }
            if (parentId == childId)
            {
                return "Cycle detected.";
            }
            if (WorkflowEdgeKinds.All.Any(other => other != kind && parent.Edges.Contains(other, childId)))
            {
                return "Relationship not allowed.";
            }
            var added = !parent.Edges.Contains(kind, childId);
            parent.Edges.Add(kind, childId);
            if (Reaches(childId, parentId))
            {
                if (added)
                {
                    parent.Edges.Remove(kind, childId);
                }
                return "Cycle detected.";
            }
            parent.Modified = time.GetUtcNow();
            return null;
        }
    }

    public void Unlink(int parentId, WorkflowEdgeKind kind, int childId)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(parentId, out var parent))
            {
                parent.Edges.Remove(kind, childId);
            }
        }
    }

    /// <summary>False when there is no such node.</summary>
    public bool SetCredential(int nodeId, int credentialId, bool associate)
    {
        return UpdateNode(nodeId, settings => settings with
        {
            CredentialIds = associate
                ? [.. settings.CredentialIds.Append(credentialId).Distinct().Order()]
                : [.. settings.CredentialIds.Where(id => id != credentialId)],
        }) is not null;
    }

    /// <summary>AWX's deep copy: every node with its launch settings and credentials, every edge between them.</summary>
    public WorkflowTemplate? Copy(int templateId, string name)
    {
        lock (_gate)
        {
            if (!_templates.TryGetValue(templateId, out var original))
            {
                return null;
            }
            var now = time.GetUtcNow();
            var copy = original with { Id = (int)ids.UnifiedJobTemplates.Next(), Name = name, Created = now };
            _templates.Add(copy.Id, copy);
            var originals = _nodes.Values.Where(node => node.WorkflowTemplateId == templateId).OrderBy(node => node.Id).ToList();
            var newIds = originals.ToDictionary(node => node.Id, _ => (int)ids.WorkflowTemplateNodes.Next());
            foreach (var node in originals)
            {
                var copiedNode = new WorkflowTemplateNode(newIds[node.Id], copy.Id, node.Settings, now) { Edges = NodeEdges.Translated(node.Edges.Snapshot(), child => newIds[child]) };
                _nodes.Add(copiedNode.Id, copiedNode);
            }
            return copy;
        }
    }

    public bool DeleteTemplate(int templateId)
    {
        lock (_gate)
        {
            if (!_templates.Remove(templateId))
            {
                return false;
            }
            foreach (var node in _nodes.Values.Where(node => node.WorkflowTemplateId == templateId).ToList())
            {
                _nodes.Remove(node.Id);
            }
            return true;
        }
    }

    /// <summary>AWX's create_approval_template: a new approval template, made the node's unified job template.</summary>
    public ApprovalTemplate? CreateApprovalTemplate(int nodeId, string name, string description, int timeout)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(nodeId, out var node))
            {
                return null;
            }
            var now = time.GetUtcNow();
            var approval = new ApprovalTemplate((int)ids.UnifiedJobTemplates.Next(), name, description, timeout, now);
            _approvalTemplates.Add(approval.Id, approval);
            node.Settings = node.Settings with { UnifiedJobTemplateId = approval.Id };
            node.Modified = now;
            return approval;
        }
    }

    private bool Reaches(int from, int target)
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>([from]);
        while (pending.TryPop(out var current))
        {
            if (current == target)
            {
                return true;
            }
            if (seen.Add(current) && _nodes.TryGetValue(current, out var node))
            {
                foreach (var child in node.Edges.AllChildren)
                {
                    pending.Push(child);
                }
            }
        }
        return false;
    }
}
