namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>Database-style primary keys: increasing, never reused, the first one after <paramref name="last"/>.</summary>
internal sealed class IdSequence(long last = 0)
{
    private long _last = last;

    public long Next() => Interlocked.Increment(ref _last);
}
