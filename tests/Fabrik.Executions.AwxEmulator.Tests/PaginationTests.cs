using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class PaginationTests : EmulatorTest
{
    private const int EventCount = 450;
    private int _jobId;

    private string Events => $"/api/v2/jobs/{_jobId}/job_events/";

    [OneTimeSetUp]
    public async Task RunJobAsync()
    {
        _jobId = await Api.LaunchSyntheticAsync(events: EventCount, hosts: 4);
        await Api.WaitUntilProcessedAsync(_jobId);
    }

    [Test]
    public async Task Page_size_above_200_is_capped_silently()
    {
        var page = await Api.GetAsync($"{Events}?order_by=counter&page_size=500");

        Assert.That(page.GetProperty("count").GetInt32(), Is.EqualTo(EventCount));
        Assert.That(page.GetProperty("results").GetArrayLength(), Is.EqualTo(200));
        Assert.That(page.GetProperty("next").GetString(), Is.EqualTo($"{Events}?order_by=counter&page=2&page_size=200"));
    }

    [Test]
    public async Task Next_is_relative_and_walking_it_yields_every_event_once_in_counter_order()
    {
        var first = await Api.GetAsync($"{Events}?counter__gt=5&order_by=counter&page_size=200&no_truncate=1");
        var walked = await Api.WalkAsync($"{Events}?counter__gt=5&order_by=counter&page_size=200&no_truncate=1");

        Assert.That(first.GetProperty("next").GetString(),
            Is.EqualTo($"{Events}?counter__gt=5&no_truncate=1&order_by=counter&page=2&page_size=200"));
        Assert.That(walked.Select(Counter), Is.EqualTo(Enumerable.Range(6, EventCount - 5)));
    }

    [Test]
    public async Task Default_page_size_is_25_and_previous_points_back()
    {
        var second = await Api.GetAsync($"{Events}?order_by=counter&page=2");

        Assert.That(second.GetProperty("results").EnumerateArray().Select(Counter), Is.EqualTo(Enumerable.Range(26, 25)));
        Assert.That(second.GetProperty("previous").GetString(), Is.EqualTo($"{Events}?order_by=counter&page=1"));
    }

    [Test]
    public async Task Counter_and_event_filters_select_what_they_name()
    {
        var range = await Api.GetAsync($"{Events}?counter__gte=10&counter__lt=20&order_by=-counter");
        var stats = await Api.GetAsync($"{Events}?event=playbook_on_stats");
        var upTo = await Api.GetAsync($"{Events}?counter__lte=3&order_by=counter");
        var listed = await Api.GetAsync($"{Events}?counter__in=7,3,400&order_by=counter");

        Assert.That(range.GetProperty("results").EnumerateArray().Select(Counter), Is.EqualTo(Enumerable.Range(10, 10).Reverse()));
        Assert.That(stats.GetProperty("results").EnumerateArray().Select(Counter), Is.EqualTo(new[] { EventCount }));
        Assert.That(upTo.GetProperty("results").EnumerateArray().Select(Counter), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(listed.GetProperty("results").EnumerateArray().Select(Counter), Is.EqualTo(new[] { 3, 7, 400 }));
    }

    [TestCase("counter__gt=20&counter__lt=10")]
    [TestCase("counter__gt=450")]
    [TestCase("counter__gt=2147483647")]
    [TestCase("counter__lte=0")]
    public async Task Counter_bounds_that_leave_nothing_give_an_empty_first_page(string bounds)
    {
        var page = await Api.GetAsync($"{Events}?{bounds}&order_by=counter");

        Assert.That(page.GetProperty("count").GetInt32(), Is.Zero);
        Assert.That(page.GetProperty("results").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Counter_bounds_combine_with_other_filters_and_orders()
    {
        var tasks = await Api.GetAsync($"{Events}?counter__gt=100&counter__lte=200&event=runner_on_ok&order_by=-counter&page_size=200");

        var counters = tasks.GetProperty("results").EnumerateArray().Select(Counter).ToList();
        Assert.That(counters, Is.Not.Empty.And.All.InRange(101, 200));
        Assert.That(counters, Is.Ordered.Descending);
        Assert.That(tasks.GetProperty("count").GetInt32(), Is.EqualTo(counters.Count));
    }

    [Test]
    public async Task Page_past_the_end_is_404_invalid_page()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Get, $"{Events}?page=99&page_size=200");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Invalid page."));
    }

    [TestCase("counter__gt=abc")]
    [TestCase("order_by=stdout")]
    public async Task Bad_filter_is_400_with_a_detail(string query)
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Get, $"{Events}?{query}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
    }

    private static int Counter(JsonElement jobEvent) => jobEvent.GetProperty("counter").GetInt32();
}
