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
    public void A_slow_cycle_still_leaves_half_the_interval_so_an_overloaded_poller_does_not_poll_back_to_back()
    {
        var pacer = new PollPacer(Options);

        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(700)), Is.EqualTo(Ms(250)));
        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(300)), Is.EqualTo(Ms(250)));
        Assert.That(pacer.AfterCycle(newEvents: 10, morePending: false, Ms(249)), Is.EqualTo(Ms(251)));
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

        var pauses = Enumerable.Range(0, 6).Select(_ => pacer.AfterCycle(newEvents: 0, morePending: false, Ms(300))).ToList();

        Assert.That(pauses, Is.EqualTo(new[] { Ms(250), Ms(450), Ms(825), Ms(1_387.5), Ms(1_700), Ms(1_700) }));
        Assert.That(pacer.AfterCycle(newEvents: 1, morePending: false, Ms(100)), Is.EqualTo(Ms(400)), "the first event brings the interval back");
    }

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
