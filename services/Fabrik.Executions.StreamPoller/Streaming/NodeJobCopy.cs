namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>The copy of one playbook job a workflow node ran: its events, and how the copy ended once it has.</summary>
public sealed class NodeJobCopy(JobEventCopier copier, long nodeId)
{
    private long? finalCounter;

    public JobEventCopier Copier => copier;

    public long NodeId => nodeId;

    public bool Finished { get; private set; }

    /// <summary>When the node's job was first seen terminal, for the bounded wait for missing counters.</summary>
    public DateTimeOffset? TerminalSince { get; set; }

    /// <summary>The highest counter stored: the copier's, or what the copy finished with (maybe under a poller before this one).</summary>
    public long FinalCounter => finalCounter ?? copier.MaxCounter;

    public IReadOnlyList<long> Missing { get; private set; } = [];

    /// <summary>Every counter stored and AWX confirmed it saved them all.</summary>
    public bool Complete { get; private set; }

    public void Finish(long storedUpTo, IReadOnlyList<long> missing, bool processingFinished)
    {
        finalCounter = storedUpTo;
        Missing = missing;
        Complete = processingFinished && missing.Count == 0;
        Finished = true;
    }
}
