namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record CancelAvailability(bool CanCancel);
