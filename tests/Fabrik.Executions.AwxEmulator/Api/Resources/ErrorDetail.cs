namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record ErrorDetail(string Detail);
