using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record LastJobSummary(int Id, string Name, string Description, DateTimeOffset? Finished, JobStatus Status, bool Failed);
