namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// The pause before the next cycle: none while AWX hands over full pages, the poll interval while events flow,
/// growing towards the idle interval while AWX is quiet, and exponential backoff with jitter while AWX fails.
/// Intervals run from the start of one cycle to the start of the next: the time a cycle took (AWX read, store,
/// publish) comes off its pause, so an event does not wait for the cycle and the interval one after the other. At most
/// half the pause comes off, though: cycles that slow mean the poller, the database or AWX is overloaded, and streams
/// that poll back to back would only deepen it (the benchmark's 1,000 executions on one poller showed it).
/// </summary>
public sealed class PollPacer(StreamPollerOptions options)
{
    private TimeSpan idle = TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds);
    private int failures;

    public TimeSpan AfterCycle(int newEvents, bool morePending, TimeSpan cycleTook)
    {
        failures = 0;
        var interval = TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds);
        if (morePending)
        {
            idle = interval;
            return TimeSpan.Zero;
        }

        if (newEvents > 0)
        {
            idle = interval;
            return Remaining(interval, cycleTook);
        }

        var pause = idle;
        idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 1.5, options.IdleIntervalMilliseconds));
        return Remaining(pause, cycleTook);
    }

    public TimeSpan AfterFailure()
    {
        failures = Math.Min(failures + 1, 16);
        var backoff = Math.Min(options.PollIntervalMilliseconds * Math.Pow(2, failures), options.FailureBackoffMilliseconds);
        return TimeSpan.FromMilliseconds(backoff * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    private static TimeSpan Remaining(TimeSpan pause, TimeSpan cycleTook) =>
        cycleTook >= pause / 2 ? pause / 2 : pause - cycleTook;
}
