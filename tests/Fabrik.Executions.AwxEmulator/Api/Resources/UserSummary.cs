namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record UserSummary(int Id, string Username, string FirstName, string LastName);
