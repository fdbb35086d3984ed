using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>
/// Which executions a list, an export or the stats cover; every member left null matches all. Applied in SQL, with
/// every value a parameter.
/// </summary>
public sealed record ExecutionFilter
{
    public static readonly ExecutionFilter All = new();

    /// <summary>Any of these statuses.</summary>
    public IReadOnlyList<ExecutionStatus>? Statuses { get; init; }

    public int? TemplateId { get; init; }

    public string? LaunchedBy { get; init; }

    /// <summary>Direct relaunches of this execution.</summary>
    public Guid? RelaunchOf { get; init; }

    /// <summary>Created at or after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Created before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>
    /// A phrase some stored output event of the execution contains once its colours are removed, ignoring case (taken
    /// literally, not as a pattern).
    /// </summary>
    public string? OutputContains { get; init; }
}
