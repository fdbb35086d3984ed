using System.Diagnostics;

namespace Fabrik.Executions.IntegrationTests.Observability;

/// <summary>The spans of one trace, with their parent links, for asserting what caused what.</summary>
public sealed class SpanTree(IEnumerable<Activity> spans)
{
    private readonly Dictionary<ActivitySpanId, Activity> byId = spans.ToDictionary(span => span.SpanId);

    public Activity Single(Func<Activity, bool> match, string what)
    {
        var found = byId.Values.Where(match).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"exactly one span for {what} in the trace of {byId.Count} spans");
        return found[0];
    }

    public Activity First(Func<Activity, bool> match, string what) =>
        byId.Values.Where(match).OrderBy(span => span.StartTimeUtc).FirstOrDefault()
        ?? throw new AssertionException($"No span for {what} in the trace of {byId.Count} spans.");

    /// <summary>True when <paramref name="ancestor"/> is on the parent chain of <paramref name="descendant"/>.</summary>
    public bool IsAncestor(Activity ancestor, Activity descendant) => HasAncestor(descendant, parent => parent.SpanId == ancestor.SpanId);

    /// <summary>True when a span on the parent chain of <paramref name="descendant"/> matches.</summary>
    public bool HasAncestor(Activity descendant, Func<Activity, bool> match)
    {
        var current = descendant;
        while (byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            if (match(parent))
            {
                return true;
            }

            current = parent;
        }

        return false;
    }
}
