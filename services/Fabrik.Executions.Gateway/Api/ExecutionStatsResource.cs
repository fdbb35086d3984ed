using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>Counts for the dashboard over the executions a filter matches.</summary>
public sealed record ExecutionStatsResource
{
    public required long Total { get; init; }
    public required StatusCounts ByStatus { get; init; }

    /// <summary>Pending, waiting or running.</summary>
    public required long Active { get; init; }

    /// <summary>Successful, failed, error or canceled.</summary>
    public required long Terminal { get; init; }

    public required long Relaunches { get; init; }

    /// <summary>Successful in AWX's terms with some hosts failed.</summary>
    public required long PartialSuccesses { get; init; }

    /// <summary>Finished with events AWX never made visible.</summary>
    public required long Incomplete { get; init; }

    public double? AverageElapsedSeconds { get; init; }
    public DateTimeOffset? FirstCreatedAt { get; init; }
    public DateTimeOffset? LastCreatedAt { get; init; }

    public static ExecutionStatsResource From(ExecutionStats stats) => new()
    {
        Total = stats.Total,
        ByStatus = new StatusCounts(stats.Pending, stats.Waiting, stats.Running, stats.Successful, stats.Failed, stats.Error, stats.Canceled),
        Active = stats.Pending + stats.Waiting + stats.Running,
        Terminal = stats.Successful + stats.Failed + stats.Error + stats.Canceled,
        Relaunches = stats.Relaunches,
        PartialSuccesses = stats.PartialSuccesses,
        Incomplete = stats.Incomplete,
        AverageElapsedSeconds = stats.AverageElapsedSeconds,
        FirstCreatedAt = ApiTime.Utc(stats.FirstCreatedAt),
        LastCreatedAt = ApiTime.Utc(stats.LastCreatedAt),
    };

    /// <summary>How many executions are in each status.</summary>
    public sealed record StatusCounts(long Pending, long Waiting, long Running, long Successful, long Failed, long Error, long Canceled);
}
