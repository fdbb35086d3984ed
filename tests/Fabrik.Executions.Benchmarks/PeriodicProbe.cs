namespace Fabrik.Executions.Benchmarks;

/// <summary>Runs a probe every so often while some work goes on (peaks of memory, of running executions).</summary>
internal static class PeriodicProbe
{
    public static async Task<T> WhileAsync<T>(TimeSpan interval, Func<Task> probe, Func<Task<T>> work)
    {
        using var stop = new CancellationTokenSource();
        var probing = ProbeAsync(interval, probe, stop.Token);
        try
        {
            return await work();
        }
        finally
        {
            await stop.CancelAsync();
            await probing;
        }
    }

    private static async Task ProbeAsync(TimeSpan interval, Func<Task> probe, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await probe();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The work is over, and with it the probing.
        }
    }
}
