namespace Fabrik.Executions.Benchmarks.Tests;

public sealed class FigureTests
{
    [Test]
    public void Two_runs_are_judged_on_their_mean_not_on_the_better_one()
    {
        var p99 = new Figure("fan-out", "p99", "ms", Target.Maximum(1_500));
        p99.Samples.AddRange([890, 3_132]);

        Assert.That(p99.Median, Is.EqualTo(2_011));
        Assert.That(p99.Met, Is.False);
    }

    [Test]
    public void An_odd_number_of_runs_is_judged_on_the_middle_one()
    {
        var rate = new Figure("ingest", "events/s", "events/s", Target.Minimum(10_000));
        rate.Samples.AddRange([4_081, 3_644, 12_000]);

        Assert.That(rate.Median, Is.EqualTo(4_081));
        Assert.That(rate.Met, Is.False);
    }
}
