using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// The query of <c>GET /api/v1/executions/{id}/events</c>: the cursor (<c>after</c>, <c>limit</c>, <c>job</c>) and
/// the filters (<c>event</c>, <c>host</c>, <c>failed</c>, <c>q</c>).
/// </summary>
public sealed record JobEventsQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static readonly QueryParameter AfterParameter =
        QueryParameter.Integer("after", "The counter to start after: the cursor's next_after.", 0, long.MaxValue, defaultValue: 0);

    public static readonly QueryParameter LimitParameter =
        QueryParameter.Integer("limit", $"Events per page, at most {MaxLimit}.", 1, MaxLimit, defaultValue: DefaultLimit);

    public static readonly QueryParameter JobParameter =
        QueryParameter.Integer("job", "The AWX job whose events to read; the execution's own job when absent.", 1, long.MaxValue);

    public static readonly QueryParameter EventParameter =
        QueryParameter.Text("event", "Only events of this AWX type (runner_on_failed, playbook_on_task_start, ...).", 1, 64)
            with { Pattern = "[a-z_]+", PatternMeaning = "lowercase letters and underscores (an AWX event type)" };

    public static readonly QueryParameter HostParameter =
        QueryParameter.Text("host", "Only events about this host.", 1, 1024);

    public static readonly QueryParameter FailedParameter =
        QueryParameter.Boolean("failed", "Only failed events (true) or only the others (false).");

    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of(
        [AfterParameter, LimitParameter, JobParameter, EventParameter, HostParameter, FailedParameter, OutputPhrase.Filter]);

    public long After { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public long? Job { get; init; }
    public JobEventFilter Filter { get; init; } = JobEventFilter.All;

    public static JobEventsQuery Read(QueryReader reader) => new()
    {
        After = reader.Integer(AfterParameter) ?? 0,
        Limit = (int)(reader.Integer(LimitParameter) ?? DefaultLimit),
        Job = reader.Integer(JobParameter),
        Filter = new JobEventFilter
        {
            Event = reader.Text(EventParameter),
            Host = reader.Text(HostParameter),
            Failed = reader.Boolean(FailedParameter),
            OutputContains = reader.Text(OutputPhrase.Filter),
        },
    };
}
