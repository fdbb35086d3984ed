namespace Fabrik.Executions.AwxEmulator.Events;

internal sealed class EmulatorIds
{
    public IdSequence Jobs { get; } = new();

    public IdSequence Events { get; } = new();

    public IdSequence HostSummaries { get; } = new();
}
