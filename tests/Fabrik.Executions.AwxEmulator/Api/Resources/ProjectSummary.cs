namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ProjectSummary(int Id, string Name, string Description, string Status, string ScmType, bool AllowOverride);
