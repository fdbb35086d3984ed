namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>Releases events at a steady rate measured from the first one; a rate of 0 releases them at once.</summary>
internal sealed class EventPacer(double eventsPerSecond, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _released;

    public async ValueTask WaitForTurnAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (eventsPerSecond <= 0)
        {
            return;
        }
        var due = TimeSpan.FromSeconds(_released++ / eventsPerSecond);
        var wait = due - time.GetElapsedTime(_started);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
