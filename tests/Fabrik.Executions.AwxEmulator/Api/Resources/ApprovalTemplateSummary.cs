namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ApprovalTemplateSummary(int Id, string Name, string Description, int Timeout);
