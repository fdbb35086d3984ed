namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>Database-style primary keys: increasing, never reused.</summary>
internal sealed class IdSequence
{
    private long _last;

    public long Next() => Interlocked.Increment(ref _last);
}
