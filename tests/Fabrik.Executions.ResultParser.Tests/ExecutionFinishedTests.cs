using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Tests;

public sealed class ExecutionFinishedTests
{
    private ResultParserUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await ResultParserUnderTest.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await system.DisposeAsync();

    [Test]
    public async Task Results_come_from_the_playbooks_artifacts_and_awx_job_data_is_awxs_job_detail_verbatim()
    {
        var job = await system.RunSyntheticJobAsync(new { emulator_events = 40, emulator_hosts = 3, emulator_failed_hosts = 1 });
        var executionId = await system.StoreFinishedExecutionAsync(job.Id, job.Status);

        var parsed = await system.FinishAsync(executionId, job.Id, job.Status);

        Assert.That(job.Status, Is.EqualTo(ExecutionStatus.Failed), "a failed host fails the job when failures are not tolerated");
        Assert.That(parsed.Source, Is.EqualTo(HostResultsSource.Artifacts));
        Assert.That(parsed.Hosts, Is.EqualTo(system.ExpectedHosts(job.Id)));
        Assert.That(parsed.Hosts.Count(host => host.Status == HostOutcome.Failed), Is.EqualTo(1));
        Assert.That(parsed.PartialSuccess, Is.False, "a failed job is not a partial success");
        Assert.That(parsed.ElapsedSeconds, Is.EqualTo(job.Detail.GetProperty("elapsed").GetDouble()));

        var execution = (await system.Executions.FindAsync(executionId, CancellationToken.None))!;
        Assert.That(JsonElement.DeepEquals(Json(execution.AwxJobData!), job.Detail), Is.True, "awx_job_data is AWX's job detail");
        Assert.That(JsonElement.DeepEquals(Json(execution.Artifacts!), job.Detail.GetProperty("artifacts")), Is.True);
        Assert.That(execution.ResultsSource, Is.EqualTo("artifacts"));
        Assert.That(execution.PartialSuccess, Is.False);
        Assert.That(execution.ElapsedSeconds, Is.EqualTo(parsed.ElapsedSeconds));
        Assert.That(await system.Results.ReadHostResultsAsync(executionId, CancellationToken.None), Is.EqualTo(parsed.Hosts));
    }

    [Test]
    public async Task Results_come_from_job_host_summaries_when_the_playbook_reports_no_artifacts()
    {
        var job = await system.RunSyntheticJobAsync(
            new { emulator_events = 40, emulator_hosts = 4, emulator_unreachable_hosts = 1, emulator_artifacts = false });
        var executionId = await system.StoreFinishedExecutionAsync(job.Id, job.Status);

        var parsed = await system.FinishAsync(executionId, job.Id, job.Status);

        Assert.That(parsed.Source, Is.EqualTo(HostResultsSource.JobHostSummaries));
        Assert.That(parsed.Hosts, Is.EqualTo(system.ExpectedHosts(job.Id)));
        Assert.That(parsed.Hosts.Count(host => host.Status == HostOutcome.Unreachable), Is.EqualTo(1), "AWX's dark is unreachable");
        Assert.That(await system.Results.ReadHostResultsAsync(executionId, CancellationToken.None), Is.EqualTo(parsed.Hosts));
    }

    [Test]
    public async Task Results_come_from_the_stored_stats_event_when_awx_no_longer_knows_the_job()
    {
        var ranElsewhere = await system.RunSyntheticJobAsync(new { emulator_events = 40, emulator_hosts = 3, emulator_failed_hosts = 1 });
        const long vanishedJobId = 987_654;
        var executionId = await system.StoreFinishedExecutionAsync(vanishedJobId, ExecutionStatus.Failed);
        await StoreStatsEventAsync(executionId, vanishedJobId, ranElsewhere.Id);

        var parsed = await system.FinishAsync(executionId, vanishedJobId, ExecutionStatus.Failed);

        Assert.That(parsed.Source, Is.EqualTo(HostResultsSource.PlaybookOnStats));
        Assert.That(parsed.Hosts, Is.EqualTo(system.ExpectedHosts(ranElsewhere.Id)));
        Assert.That(parsed.ElapsedSeconds, Is.Null);
        var execution = (await system.Executions.FindAsync(executionId, CancellationToken.None))!;
        Assert.That((execution.AwxJobData, execution.Artifacts, execution.ResultsSource), Is.EqualTo(((string?)null, (string?)null, "playbook_on_stats")));
    }

    [Test]
    public async Task A_job_no_source_describes_has_no_host_results()
    {
        var executionId = await system.StoreFinishedExecutionAsync(987_655, ExecutionStatus.Error);

        var parsed = await system.FinishAsync(executionId, 987_655, ExecutionStatus.Error);

        Assert.That((parsed.Source, parsed.Hosts.Count, parsed.PartialSuccess), Is.EqualTo((HostResultsSource.None, 0, false)));
        Assert.That(await system.Results.ReadHostResultsAsync(executionId, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task A_successful_job_with_failed_and_unreachable_hosts_is_a_partial_success()
    {
        var job = await system.RunSyntheticJobAsync(new
        {
            emulator_events = 60, emulator_hosts = 5, emulator_failed_hosts = 1, emulator_unreachable_hosts = 1, emulator_tolerate_failures = true,
        });
        var executionId = await system.StoreFinishedExecutionAsync(job.Id, job.Status);

        var parsed = await system.FinishAsync(executionId, job.Id, job.Status);

        Assert.That(job.Status, Is.EqualTo(ExecutionStatus.Successful), "AWX tolerated the failures");
        Assert.That(parsed.Hosts, Is.EqualTo(system.ExpectedHosts(job.Id)));
        Assert.That(parsed.PartialSuccess, Is.True);
        Assert.That((await system.Executions.FindAsync(executionId, CancellationToken.None))!.PartialSuccess, Is.True);
    }

    [Test]
    public async Task Redelivered_execution_finished_leaves_the_same_results()
    {
        var job = await system.RunSyntheticJobAsync(new { emulator_events = 40, emulator_hosts = 3, emulator_failed_hosts = 1 });
        var executionId = await system.StoreFinishedExecutionAsync(job.Id, job.Status);
        var first = await system.FinishAsync(executionId, job.Id, job.Status);
        var stored = (await system.Executions.FindAsync(executionId, CancellationToken.None))!;

        var second = await system.FinishAsync(executionId, job.Id, job.Status, alreadySeen: 1);

        var restored = (await system.Executions.FindAsync(executionId, CancellationToken.None))!;
        Assert.That(restored with { UpdatedAt = default }, Is.EqualTo(stored with { UpdatedAt = default }));
        Assert.That(second with { Hosts = [] }, Is.EqualTo(first with { Hosts = [] }));
        Assert.That(second.Hosts, Is.EqualTo(first.Hosts));
    }

    private async Task StoreStatsEventAsync(Guid executionId, long jobId, long emulatorJobId)
    {
        var stats = system.Emulator.GetEmittedEvents((int)emulatorJobId).Single(e => e.Event == "playbook_on_stats");
        await system.Events.StoreAsync(executionId, jobId,
        [
            new JobEventReceived
            {
                ExecutionId = executionId,
                JobId = jobId,
                Counter = stats.Counter,
                Event = stats.Event,
                Uuid = stats.Uuid,
                ParentUuid = stats.ParentUuid,
                Stdout = stats.Stdout,
                StartLine = stats.StartLine,
                EndLine = stats.EndLine,
                Failed = stats.Failed,
                Changed = stats.Changed,
                Created = stats.Created,
                EventData = stats.EventData,
            },
        ], CancellationToken.None);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
