namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>What AWX derives from <c>playbook_on_stats</c>: host summaries and the job's <c>host_status_counts</c>.</summary>
internal sealed record JobStats(
    StoredJobEvent StatsEvent,
    IReadOnlyList<HostSummaryRecord> HostSummaries,
    IReadOnlyDictionary<string, int> HostStatusCounts);
