using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record RecentJobSummary(int Id, JobStatus Status, DateTimeOffset? Finished, DateTimeOffset? CanceledOn, string Type);
