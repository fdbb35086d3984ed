using System.Globalization;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>
/// The job_events filters the emulator honours: counter__gt/gte/lt/lte, counter__in (comma separated), event, order_by (counter, id, start_line, each
/// optionally descending) and no_truncate. Without order_by AWX orders by start_line.
/// </summary>
internal sealed class JobEventQuery
{
    private static readonly string[] OrderableFields = ["counter", "id", "start_line"];

    private readonly List<Func<StoredJobEvent, bool>> _filters = [];
    private readonly List<(string Field, bool Descending)> _order = [];
    private long _lowestCounter = long.MinValue;
    private long _highestCounter = long.MaxValue;

    private JobEventQuery(bool truncateStdout) => TruncateStdout = truncateStdout;

    // AWX checks the parameter's truthiness as a string: any non-empty value turns truncation off.
    public bool TruncateStdout { get; }

    public static JobEventQuery? Parse(IQueryCollection query, out string? error)
    {
        error = null;
        var parsed = new JobEventQuery(query["no_truncate"].ToString().Length == 0);
        foreach (var (name, narrow) in new (string, Action<JobEventQuery, long>)[]
        {
            ("counter__gt", (query, bound) => query._lowestCounter = Math.Max(query._lowestCounter, bound + 1)),
            ("counter__gte", (query, bound) => query._lowestCounter = Math.Max(query._lowestCounter, bound)),
            ("counter__lt", (query, bound) => query._highestCounter = Math.Min(query._highestCounter, bound - 1)),
            ("counter__lte", (query, bound) => query._highestCounter = Math.Min(query._highestCounter, bound)),
        })
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                continue;
            }
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound))
            {
                error = $"{name} must be a whole number, got \"{text}\".";
                return null;
            }
            narrow(parsed, bound);
        }
        var counterList = query["counter__in"].ToString();
        if (counterList.Length > 0)
        {
            var counters = new HashSet<int>();
            foreach (var item in counterList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(item, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var counter))
                {
                    error = $"counter__in must list whole numbers separated by commas, got \"{item}\".";
                    return null;
                }
                counters.Add(counter);
            }
            parsed._filters.Add(jobEvent => counters.Contains(jobEvent.Counter));
        }
        var eventType = query["event"].ToString();
        if (eventType.Length > 0)
        {
            parsed._filters.Add(jobEvent => jobEvent.Event == eventType);
        }
        var orderBy = query["order_by"].ToString();
        foreach (var term in (orderBy.Length == 0 ? "start_line,counter" : orderBy).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var field = term.TrimStart('-');
            if (!OrderableFields.Contains(field))
            {
                error = $"Cannot order job events by \"{term}\"; use counter, id or start_line, optionally prefixed with -.";
                return null;
            }
            parsed._order.Add((field, term.StartsWith('-')));
        }
        return parsed;
    }

    /// <summary>
    /// The matching events in the requested order. A poller's every page re-reads a long job and the emulator shares the
    /// benchmark's cores, so the usual request (a counter range, in counter order, of events emitted in counter order)
    /// is answered with a slice of the stored events, found by binary search: no scan, no copy, no sort.
    /// </summary>
    public IReadOnlyList<StoredJobEvent> Apply(VisibleEvents visible)
    {
        var inRange = visible.InCounterOrder
            ? CounterRangeOf(visible.Events)
            : visible.Events.Where(jobEvent => jobEvent.Counter >= _lowestCounter && jobEvent.Counter <= _highestCounter).ToArray();
        IReadOnlyList<StoredJobEvent> filtered = _filters.Count == 0
            ? inRange
            : inRange.Where(jobEvent => _filters.TrueForAll(filter => filter(jobEvent))).ToList();
        if ((visible.InCounterOrder && _order is [("counter", false)]) || IsInOrder(filtered))
        {
            return filtered;
        }
        return filtered.Order(Comparer<StoredJobEvent>.Create(Compare)).ToList();
    }

    private ArraySegment<StoredJobEvent> CounterRangeOf(ArraySegment<StoredJobEvent> events)
    {
        var first = FirstWithCounterFrom(events, _lowestCounter);
        var end = _highestCounter == long.MaxValue ? events.Count : FirstWithCounterFrom(events, _highestCounter + 1);
        return events.Slice(first, Math.Max(first, end) - first);
    }

    private static int FirstWithCounterFrom(ArraySegment<StoredJobEvent> events, long counter)
    {
        var (low, high) = (0, events.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = events[middle].Counter < counter ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    private bool IsInOrder(IReadOnlyList<StoredJobEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (Compare(events[i - 1], events[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private int Compare(StoredJobEvent left, StoredJobEvent right)
    {
        foreach (var (field, descending) in _order)
        {
            var comparison = KeyOf(field, left).CompareTo(KeyOf(field, right));
            if (comparison != 0)
            {
                return descending ? -comparison : comparison;
            }
        }
        return 0;
    }

    private static long KeyOf(string field, StoredJobEvent jobEvent) => field switch
    {
        "id" => jobEvent.Id,
        "start_line" => jobEvent.StartLine,
        _ => jobEvent.Counter,
    };
}
