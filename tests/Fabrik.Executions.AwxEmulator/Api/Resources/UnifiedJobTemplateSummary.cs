namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record UnifiedJobTemplateSummary(int Id, string Name, string Description, string UnifiedJobType);
