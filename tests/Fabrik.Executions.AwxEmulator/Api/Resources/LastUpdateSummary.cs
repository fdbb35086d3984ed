using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record LastUpdateSummary(int Id, string Name, string Description, JobStatus Status, bool Failed);
