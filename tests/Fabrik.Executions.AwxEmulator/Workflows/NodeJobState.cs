using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>Where a node's job stands, as <c>summary_fields.job</c> shows it.</summary>
internal sealed record NodeJobState(JobStatus Status, double Elapsed, DateTimeOffset? Finished, DateTimeOffset? CanceledOn, bool? TimedOut = null);
