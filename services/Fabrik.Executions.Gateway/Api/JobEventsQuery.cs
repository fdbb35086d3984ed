using System.Globalization;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>The query of <c>GET /api/v1/executions/{id}/events</c>: <c>after</c>, <c>limit</c>, <c>job</c>.</summary>
public sealed record JobEventsQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public long After { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public long? Job { get; init; }

    public static JobEventsQuery Parse(IQueryCollection query, FieldErrors errors)
    {
        var after = Number(query, "after", 0, long.MaxValue, "a whole number, 0 or more (a counter)", errors);
        var limit = Number(query, "limit", 1, MaxLimit, $"a whole number from 1 to {MaxLimit}", errors);
        var job = Number(query, "job", 1, long.MaxValue, "a positive whole number (an AWX job id)", errors);
        return new JobEventsQuery { After = after ?? 0, Limit = (int)(limit ?? DefaultLimit), Job = job };
    }

    private static long? Number(IQueryCollection query, string name, long min, long max, string expected, FieldErrors errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count == 1
            && long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, $"{name} must be {expected}.");
        return null;
    }
}
