namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record CredentialSummary(int Id, string Name, string Description, string Kind, bool Cloud);
