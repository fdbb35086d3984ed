using System.Net;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Hosting;
using Fabrik.Executions.IntegrationTests;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.OperatorActionTests;

/// <summary>Cancel before AWX runs the job: while AWX holds it queued, and while the Launcher is still asking AWX for it.</summary>
public sealed class EarlyCancelTests
{
    private OperatorSession session = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        // AWX holds every job queued for five seconds: the time there is to cancel it while it waits.
        session = new OperatorSession(await Pipeline.StartAsync(new AwxEmulatorOptions { PendingDelayMs = 5_000 }));

    [OneTimeTearDown]
    public async Task StopAsync() => await session.DisposeAsync();

    [TearDown]
    public void ClearFaults() => session.Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task Cancel_while_waiting_cancels_the_queued_awx_job_before_it_runs()
    {
        var execution = await session.LaunchAsync(Guid.NewGuid().ToString("N"), new JsonObject());
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("waiting"));

        using var response = await session.PostAsync($"/api/v1/executions/{execution.Id()}/cancel");

        Assert.That((await OperatorSession.DataAsync(response, HttpStatusCode.Accepted)).GetProperty("status").GetString(), Is.EqualTo("waiting"));
        await AssertCanceledBeforeRunningAsync(execution.Id(), execution.AwxJobId());
    }

    [Test]
    public async Task Cancel_while_the_launch_is_under_way_is_passed_on_to_the_job_awx_creates()
    {
        var marker = Guid.NewGuid().ToString("N");
        session.Pipeline.Awx.Faults = new FaultSettings { LatencyMs = 1_500 };

        var launching = session.LaunchAsync(marker, new JsonObject());
        var id = await Eventually.GetAsync(
            async () => (await session.Pipeline.QueryAsync<string>(
                "select id::text from executions where request_id = @marker and launch_attempted_at is not null", new { marker })).SingleOrDefault(),
            "the launch to be claimed");
        using var response = await session.PostAsync($"/api/v1/executions/{id}/cancel");
        var launched = await launching;

        Assert.That((await OperatorSession.DataAsync(response, HttpStatusCode.Accepted)).GetProperty("status").GetString(), Is.EqualTo("pending"),
            "AWX has not named the job yet");
        Assert.That(launched.GetProperty("status").GetString(), Is.EqualTo("waiting"));
        await AssertCanceledBeforeRunningAsync(launched.Id(), launched.AwxJobId());
        Assert.That(await session.AwxJobsMarkedAsync(marker), Has.Count.EqualTo(1));
    }

    private async Task AssertCanceledBeforeRunningAsync(Guid executionId, long jobId)
    {
        await session.WaitForStatusAsync(executionId, "canceled");
        var awxJob = await session.AwxJobAsync(jobId);
        Assert.That((awxJob.GetProperty("status").GetString(), awxJob.GetProperty("started").GetString()), Is.EqualTo(("canceled", (string?)null)),
            "AWX never started it");
        Assert.That(session.Pipeline.Awx.GetEmittedEvents((int)jobId), Is.Empty);
        Assert.That(await StoredEvent.ReadAsync(session.Pipeline, executionId), Is.Empty);
        Assert.That(await session.Pipeline.QuerySingleAsync<string?>("select cancel_requested_by from executions where id = @executionId", new { executionId }),
            Is.EqualTo(session.Name));
    }
}
