using System.Net;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class RelaunchTests : EmulatorTest
{
    [Test]
    public async Task Relaunching_failed_hosts_limits_the_new_job_to_them()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 80, hosts: 5, new { emulator_failed_hosts = 1, emulator_unreachable_hosts = 1 });
        await Api.WaitUntilProcessedAsync(jobId);

        var (status, relaunched) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/relaunch/", new { hosts = "failed" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), relaunched.ToString());
        Assert.That(relaunched.GetProperty("job").GetInt32(), Is.Not.EqualTo(jobId));
        Assert.That(relaunched.GetProperty("launch_type").GetString(), Is.EqualTo("relaunch"));
        Assert.That(relaunched.GetProperty("limit").GetString()!.Split(','), Is.EquivalentTo(new[] { "leaf-104.lab", "leaf-105.lab" }));
    }

    [Test]
    public async Task Relaunching_failed_hosts_of_a_job_without_failures_is_400()
    {
        var jobId = await Api.LaunchSyntheticAsync(events: 30, hosts: 2);
        await Api.WaitUntilProcessedAsync(jobId);

        var (status, body) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/relaunch/", new { hosts = "failed" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("hosts").GetString(), Does.Contain("0 failed hosts"));
    }
}
