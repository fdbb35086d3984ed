using Fabrik.Executions.StreamPoller;
using Fabrik.Executions.StreamPoller.Streaming;

namespace Fabrik.Executions.UnitTests;

public sealed class PollPacerTests
{
    private static readonly StreamPollerOptions Options = new() { PollIntervalMilliseconds = 500, IdleIntervalMilliseconds = 2_000 };

    [Test]
    public void While_events_flow_the_next_cycle_starts_one_interval_after_this_one_started()
    {
        var pacer = new PollPacer(Options);

        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(200)), Is.EqualTo(Ms(300)));
        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(0)), Is.EqualTo(Ms(500)));
    }

    [Test]
    public void A_cycle_slower_than_the_interval_is_followed_at_once()
    {
        var pacer = new PollPacer(Options);

        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(700)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Full_pages_are_followed_at_once()
    {
        var pacer = new PollPacer(Options);

        Assert.That(pacer.AfterCycle(newEvents: 200, morePending: true, Ms(50)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_quiet_AWX_stretches_the_interval_towards_the_idle_one_counted_from_each_cycle_start()
    {
        var pacer = new PollPacer(Options);

        var pauses = Enumerable.Range(0, 6).Select(_ => pacer.AfterCycle(newEvents: 0, morePending: false, Ms(100))).ToList();

        Assert.That(pauses, Is.EqualTo(new[] { Ms(400), Ms(650), Ms(1_025), Ms(1_587.5), Ms(1_900), Ms(1_900) }));
        Assert.That(pacer.AfterCycle(newEvents: 1, morePending: false, Ms(100)), Is.EqualTo(Ms(400)), "the first event brings the interval back");
    }

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
