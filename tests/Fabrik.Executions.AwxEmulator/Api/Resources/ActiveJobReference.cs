namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ActiveJobReference(string Type, int Id);
