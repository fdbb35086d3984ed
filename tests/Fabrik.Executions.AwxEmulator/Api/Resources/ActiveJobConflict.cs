namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's ActiveJobConflict body (409).</summary>
internal sealed record ActiveJobConflict(string Error, IReadOnlyList<ActiveJobReference> ActiveJobs);
