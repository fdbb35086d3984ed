namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>
/// The events a job emitted, in the order it emitted them, and what its stats event produced. Appends never move or
/// overwrite an event a reader was given, so readers get the stored events without a copy.
/// </summary>
internal sealed class JobEventLog
{
    private readonly Lock _gate = new();
    private StoredJobEvent[] _events = new StoredJobEvent[64];
    private int _count;
    private bool _inCounterOrder = true;
    private JobStats? _stats;
    private DateTimeOffset _lastVisibleAt = DateTimeOffset.MinValue;
    private bool _someNeverVisible;

    public int EmittedCount
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Append(StoredJobEvent jobEvent)
    {
        lock (_gate)
        {
            if (_count == _events.Length)
            {
                // A new array: readers keep the old one, whose events stay as they were.
                Array.Resize(ref _events, _count * 2);
            }
            _inCounterOrder &= _count == 0 || _events[_count - 1].Counter < jobEvent.Counter;
            _events[_count++] = jobEvent;
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
            return Stored();
        }
    }

    /// <summary>
    /// The events visible at <paramref name="now"/>: the stored ones themselves when all are (the usual case), a
    /// filtered copy otherwise. A long job's every page reads this, so it must not copy what it need not.
    /// </summary>
    public VisibleEvents VisibleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            var everyEventVisible = !_someNeverVisible && _lastVisibleAt <= now;
            var visible = everyEventVisible ? Stored() : new ArraySegment<StoredJobEvent>(Stored().Where(jobEvent => jobEvent.IsVisibleAt(now)).ToArray());
            return new VisibleEvents(visible, _inCounterOrder);
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
            var changedParents = Stored().Where(e => e.Changed && e.ParentUuid.Length > 0).Select(e => e.ParentUuid).ToHashSet();
            var failedParents = Stored().Where(e => e.Failed && e.ParentUuid.Length > 0).Select(e => e.ParentUuid).ToHashSet();
            foreach (var jobEvent in Stored())
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

    private ArraySegment<StoredJobEvent> Stored() => new(_events, 0, _count);
}
