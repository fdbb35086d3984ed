namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>The faults in force now; replaced whole, so readers never see half an update.</summary>
internal sealed class FaultState(FaultSettings initial)
{
    private FaultSettings _current = initial;

    public FaultSettings Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
