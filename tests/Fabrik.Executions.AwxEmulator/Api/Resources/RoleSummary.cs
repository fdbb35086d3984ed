namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record RoleSummary(string Description, string Name, int Id);
