namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>The copy of one playbook job a workflow node ran: its events, and whether the copy is finished.</summary>
public sealed class NodeJobCopy(JobEventCopier copier, long nodeId, bool finished)
{
    public JobEventCopier Copier => copier;

    public long NodeId => nodeId;

    public bool Finished { get; set; } = finished;

    /// <summary>When the node's job was first seen terminal, for the bounded wait for missing counters.</summary>
    public DateTimeOffset? TerminalSince { get; set; }

    public IReadOnlyList<long> Missing { get; set; } = [];
}
