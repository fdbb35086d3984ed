namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record LaunchedBy(int Id, string Name, string Type, string Url);
