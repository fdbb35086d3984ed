namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobUserCapabilities(bool Delete, bool Start);
