namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>The events a job emitted, in counter order, and what its stats event produced.</summary>
internal sealed class JobEventLog
{
    private readonly Lock _gate = new();
    private readonly List<StoredJobEvent> _events = [];
    private JobStats? _stats;
    private DateTimeOffset _lastVisibleAt = DateTimeOffset.MinValue;
    private bool _someNeverVisible;

    public int EmittedCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public void Append(StoredJobEvent jobEvent)
    {
        lock (_gate)
        {
            _events.Add(jobEvent);
            if (jobEvent.VisibleAt is { } visibleAt)
            {
                _lastVisibleAt = visibleAt > _lastVisibleAt ? visibleAt : _lastVisibleAt;
            }
            else
            {
                _someNeverVisible = true;
            }
        }
    }

    public IReadOnlyList<StoredJobEvent> Emitted()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    public IReadOnlyList<StoredJobEvent> VisibleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _events.Where(jobEvent => jobEvent.IsVisibleAt(now)).ToList();
        }
    }

    /// <summary>When the last emitted event became visible; null while any is still hidden.</summary>
    public DateTimeOffset? AllVisibleSince(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _someNeverVisible || _lastVisibleAt > now ? null : _lastVisibleAt;
        }
    }

    /// <summary>
    /// AWX, on <c>playbook_on_stats</c>, marks the parents of changed and failed events in one pass
    /// (awx/main/models/events.py): task events take their hosts' results; play events are left as they are.
    /// </summary>
    public void PropagateToParents()
    {
        lock (_gate)
        {
            var changedParents = _events.Where(e => e.Changed && e.ParentUuid.Length > 0).Select(e => e.ParentUuid).ToHashSet();
            var failedParents = _events.Where(e => e.Failed && e.ParentUuid.Length > 0).Select(e => e.ParentUuid).ToHashSet();
            foreach (var jobEvent in _events)
            {
                jobEvent.Changed |= changedParents.Contains(jobEvent.Uuid);
                jobEvent.Failed |= failedParents.Contains(jobEvent.Uuid);
            }
        }
    }

    public void RecordStats(JobStats stats)
    {
        lock (_gate)
        {
            _stats = stats;
        }
    }

    /// <summary>Host summaries appear together with the stats event they come from.</summary>
    public JobStats? StatsVisibleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _stats is { } stats && stats.StatsEvent.IsVisibleAt(now) ? stats : null;
        }
    }
}
