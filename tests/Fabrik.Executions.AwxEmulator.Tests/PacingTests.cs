using System.Globalization;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary><c>emulator_events_per_second</c> spreads a job's events over time; only lower bounds are asserted.</summary>
public sealed class PacingTests : EmulatorTest
{
    private const int Events = 60;
    private const double EventsPerSecond = 20;

    [Test]
    public async Task Paced_job_shows_its_events_a_few_at_a_time_and_spans_at_least_their_spacing()
    {
        var jobId = await Api.LaunchAsync(1, new { emulator_events = Events, emulator_hosts = 3, emulator_events_per_second = EventsPerSecond });

        var early = await VisibleCountAsync(jobId, count => count > 0, "the first events");
        var later = await VisibleCountAsync(jobId, count => count > early, "more events than at first");
        var job = await Api.WaitUntilProcessedAsync(jobId);
        var events = await Api.AllEventsAsync(jobId);

        Assert.That(later, Is.LessThan(Events), "events were still arriving when the count had grown");
        Assert.That(events, Has.Count.EqualTo(Events));
        // The pacer releases event n at (n - 1) / rate after the first; 5% spares the clock's rounding.
        var spacing = TimeSpan.FromSeconds((Events - 1) / EventsPerSecond * 0.95);
        Assert.That(Created(events[^1]) - Created(events[0]), Is.GreaterThanOrEqualTo(spacing));
        Assert.That(TimeSpan.FromSeconds(job.GetProperty("elapsed").GetDouble()), Is.GreaterThanOrEqualTo(spacing));
    }

    private async Task<int> VisibleCountAsync(int jobId, Func<int, bool> condition, string what)
    {
        var page = await Eventually.UntilAsync(() => Api.GetAsync($"/api/v2/jobs/{jobId}/job_events/?page_size=1"),
            page => condition(page.GetProperty("count").GetInt32()), $"job {jobId}: {what}");
        return page.GetProperty("count").GetInt32();
    }

    private static DateTimeOffset Created(JsonElement jobEvent) =>
        DateTimeOffset.Parse(jobEvent.GetProperty("created").GetString()!, CultureInfo.InvariantCulture);
}
