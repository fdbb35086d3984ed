using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Fabrik.Executions.AwxEmulator.Faults;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class DamageAndRefusalFaultTests : EmulatorTest
{
    [TestCase(401)]
    [TestCase(403)]
    public async Task A_refused_token_is_answered_as_AWX_answers_it_but_the_admin_routes_still_work(int refusal)
    {
        Host.Faults = new FaultSettings { RefuseTokenStatus = refusal };

        var (status, body) = await Api.SendAsync(HttpMethod.Get, "/api/v2/jobs/");
        var (adminStatus, _) = await Api.SendAsync(HttpMethod.Get, "/_emulator/faults");

        Assert.That((int)status, Is.EqualTo(refusal));
        Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
        Assert.That(adminStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_server_error_burst_fails_that_many_requests_one_after_another_and_then_none()
    {
        Host.Faults = new FaultSettings { ServerErrorBurst = 2 };

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((int)(await Api.SendAsync(HttpMethod.Get, "/api/v2/job_templates/1/")).Status);
        }

        Assert.That(statuses.Take(2), Is.All.AnyOf(500, 502, 503));
        Assert.That(statuses.Skip(2), Is.All.EqualTo(200));
    }

    [Test]
    public async Task Damaged_event_pages_carry_exactly_the_damage_asked_for()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 20, hosts: 2);
        await Api.WaitUntilProcessedAsync(jobId);
        Host.Faults = new FaultSettings
        {
            EventDamage = new EventDamage
            {
                NulStdoutCounters = [5], InvalidUtf8StdoutCounters = [6], OversizedStdoutCounters = [7], OversizedStdoutBytes = 100_000,
                MissingEventTypeCounters = [8],
            },
        };

        var bytes = await Api.Client.GetByteArrayAsync(new Uri($"/api/v2/jobs/{jobId}/job_events/?counter__in=4,5,6,7,8&order_by=counter", UriKind.Relative));

        Assert.That(Utf8.IsValid(bytes), Is.False, "raw bytes that are not UTF-8");
        var events = JsonDocument.Parse(Encoding.UTF8.GetString(bytes)).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(e => e.GetProperty("counter").GetInt32());
        Assert.That(events[4].GetProperty("stdout").GetString(), Does.Not.Contain('\0').And.Not.Contain('\uFFFD'), "counter 4 is intact");
        Assert.That(events[5].GetProperty("stdout").GetString(), Does.StartWith("\0").And.EndWith("\0"));
        Assert.That(events[6].GetProperty("stdout").GetString(), Does.EndWith("\uFFFD(\uFFFD"));
        Assert.That(events[7].GetProperty("stdout").GetString(), Has.Length.EqualTo(100_000));
        Assert.That(events[8].TryGetProperty("event", out _), Is.False);
        Assert.That(events[4].GetProperty("event").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_malformed_page_is_cut_off_JSON()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 20, hosts: 1);
        await Api.WaitUntilProcessedAsync(jobId);
        Host.Faults = new FaultSettings { EventDamage = new EventDamage { MalformedPageRate = 1 } };

        var body = await Api.Client.GetStringAsync(new Uri($"/api/v2/jobs/{jobId}/job_events/", UriKind.Relative));

        Assert.That(() => JsonDocument.Parse(body), Throws.InstanceOf<JsonException>());
    }
}
