namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ExecutionEnvironmentSummary(int Id, string Name, string Description, string Image);
