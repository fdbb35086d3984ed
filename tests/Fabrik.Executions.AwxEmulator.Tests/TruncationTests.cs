using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>AWX cuts stdout of listed events to 1024 characters unless no_truncate is given; event_data is untouched.</summary>
public sealed class TruncationTests : EmulatorTest
{
    private int _jobId;
    private JsonElement _longEvent;

    [OneTimeSetUp]
    public async Task RunJobWithLongOutputAsync()
    {
        _jobId = await Api.LaunchSyntheticAsync(events: 60, hosts: 2);
        await Api.WaitUntilProcessedAsync(_jobId);
        _longEvent = (await Api.AllEventsAsync(_jobId)).First(jobEvent => jobEvent.GetProperty("stdout").GetString()!.Length > 1024);
    }

    [Test]
    public async Task Stdout_is_cut_to_1024_characters_without_no_truncate()
    {
        var whole = _longEvent.GetProperty("stdout").GetString()!;

        var listed = await SameEventAsync(noTruncate: false);
        var stdout = listed.GetProperty("stdout").GetString()!;

        Assert.That(stdout, Does.StartWith(whole[..1023] + "\u2026"));
        Assert.That(stdout[1024..].Replace("\u001b[0m", "", StringComparison.Ordinal), Is.Empty, "only colour resets follow the ellipsis");
        Assert.That(listed.GetProperty("event_data").GetRawText(), Is.EqualTo(_longEvent.GetProperty("event_data").GetRawText()));
    }

    [Test]
    public async Task No_truncate_serves_the_whole_stdout()
    {
        var listed = await SameEventAsync(noTruncate: true);

        Assert.That(listed.GetProperty("stdout").GetString(), Is.EqualTo(_longEvent.GetProperty("stdout").GetString()));
        Assert.That(listed.GetProperty("stdout").GetString()!.Length, Is.GreaterThan(1024));
    }

    private async Task<JsonElement> SameEventAsync(bool noTruncate)
    {
        var counter = _longEvent.GetProperty("counter").GetInt32();
        var page = await Api.GetAsync(
            $"/api/v2/jobs/{_jobId}/job_events/?counter__gte={counter}&counter__lte={counter}{(noTruncate ? "&no_truncate=1" : "")}");
        return page.GetProperty("results")[0];
    }
}
