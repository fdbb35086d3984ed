namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's default summary of a related object: id, name, description.</summary>
internal sealed record ObjectSummary(int Id, string Name, string Description);
