using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>What one retention run listed (a dry run) or deleted, and how many output events went with it.</summary>
public sealed record RetentionReport(bool DryRun, IReadOnlyList<ExpiredExecution> Executions, long EventsDeleted);
