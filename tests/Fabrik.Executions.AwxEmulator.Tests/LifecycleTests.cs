using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>Uses emulators of its own, with delays long enough to watch the status move.</summary>
public sealed class LifecycleTests
{
    [Test]
    public async Task Launched_job_goes_pending_waiting_running_then_successful()
    {
        // Each phase lasts about a second, so a busy machine's polls still see every one.
        await using var host = await AwxEmulatorHost.StartAsync(
            new AwxEmulatorOptions { Token = EmulatorServer.Token, PendingDelayMs = 1_000, WaitingDelayMs = 1_000 }, CancellationToken.None);
        using var api = new AwxApi(host.CreateClient());
        var seen = new List<string>();

        var jobId = await api.LaunchAsync(1, new { emulator_events = 60, emulator_events_per_second = 60 });
        await Eventually.UntilAsync(() => api.JobAsync(jobId), job =>
        {
            var status = job.GetProperty("status").GetString()!;
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }
            return AwxApi.IsTerminal(job);
        }, "the job to finish");

        Assert.That(seen, Is.EqualTo(new[] { "pending", "waiting", "running", "successful" }));
    }

    [Test]
    public async Task Canceling_a_pending_job_cancels_it_at_once_without_events()
    {
        await using var host = await AwxEmulatorHost.StartAsync(
            new AwxEmulatorOptions { Token = EmulatorServer.Token, PendingDelayMs = 60_000 }, CancellationToken.None);
        using var api = new AwxApi(host.CreateClient());
        var jobId = await api.LaunchAsync(1);

        var (status, _) = await api.SendAsync(HttpMethod.Post, $"/api/v2/jobs/{jobId}/cancel/");
        var job = await api.JobAsync(jobId);

        Assert.That((int)status, Is.EqualTo(202));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(job.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(job.GetProperty("canceled_on").GetString(), Is.Not.Null);
        Assert.That(host.GetEmittedEvents(jobId), Is.Empty);
    }
}
