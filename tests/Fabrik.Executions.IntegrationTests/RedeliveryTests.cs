using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests;

public sealed class RedeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private Pipeline pipeline = null!;
    private HttpClient gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        pipeline = await Pipeline.StartAsync();
        gateway = pipeline.CreateGatewayClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        gateway.Dispose();
        await pipeline.DisposeAsync();
    }

    [Test]
    public async Task The_same_request_launched_twice_is_one_execution_and_one_AWX_job()
    {
        var requestId = Guid.NewGuid().ToString();
        var jobsBefore = await CountAwxJobsAsync();

        var first = await gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = 50 }, requestId);
        var second = await gateway.LaunchSyntheticAsync(new JsonObject { ["emulator_events"] = 50 }, requestId);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(await CountAwxJobsAsync(), Is.EqualTo(jobsBefore + 1));
    }

    [Test]
    public async Task Redelivering_every_message_of_a_finished_execution_changes_nothing()
    {
        var executionId = await gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 400, ["emulator_hosts"] = 4, ["emulator_failed_hosts"] = 1, ["emulator_events_per_second"] = 0,
        });
        await gateway.WaitForResultsAsync(executionId, Deadline);
        var before = await SnapshotAsync(executionId);
        var execution = await pipeline.GatewayServices.GetRequiredService<ExecutionRepository>().FindAsync(executionId, CancellationToken.None);
        var events = await pipeline.GatewayServices.GetRequiredService<JobEventStore>()
            .ReadAfterAsync(executionId, execution!.AwxJobId!.Value, 0, 1_000, CancellationToken.None);
        await using var watcher = await OutputWatcher.ConnectAsync(pipeline);
        await watcher.SubscribeToOutputAsync(executionId, afterCounter: 0);
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Counters.Count == 400), "the replay", Deadline);

        var deliveriesBefore = watcher.Deliveries;
        using var launchedConsumed = new ConsumedMessages<ExecutionLaunched>(pipeline.Pollers[0], m => m.ExecutionId == executionId);
        using var finishedConsumed = new ConsumedMessages<ExecutionFinished>(pipeline.Launcher, m => m.ExecutionId == executionId);
        var bus = pipeline.GatewayServices.GetRequiredService<IBus>();
        var finished = new ExecutionFinished
        {
            ExecutionId = executionId, AwxJobId = execution.AwxJobId.Value, Status = ExecutionStatus.Failed, FinalCounter = 400,
            Complete = true, MissingCounters = [], FinishedAt = DateTimeOffset.UtcNow,
        };
        await bus.Publish(new ExecutionLaunched
        {
            ExecutionId = executionId, AwxJobId = execution.AwxJobId.Value, Kind = TemplateKind.Job,
            AwxJobUrl = execution.AwxJobUrl!, LaunchedAt = DateTimeOffset.UtcNow,
        });
        await bus.Publish(finished);
        await bus.Publish(finished);
        await bus.PublishBatch(events);
        await bus.PublishBatch(events.Chunk(200).Select(JobEventsReceived.Of));
        await bus.PublishBatch(events.Chunk(200).Select(JobEventsReceived.Of).Select(page => new WatchedJobEventsReceived { ExecutionId = executionId, Page = page }));
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Deliveries >= deliveriesBefore + 400), "the republished events to reach the subscriber", Deadline);
        await Eventually.TrueAsync(() => Task.FromResult(watcher.Results.Count >= 2), "the ResultParser to handle both redelivered ExecutionFinished", Deadline);
        await Eventually.TrueAsync(() => Task.FromResult(launchedConsumed.Count == 1), "the poller to handle the redelivered ExecutionLaunched", Deadline);
        await Eventually.TrueAsync(() => Task.FromResult(finishedConsumed.Count == 2), "the Launcher to handle both redelivered ExecutionFinished", Deadline);

        Assert.That(watcher.Counters.Count, Is.EqualTo(400), "the subscriber keeps one of each");
        Assert.That(await SnapshotAsync(executionId), Is.EqualTo(before));
    }

    private async Task<int> CountAwxJobsAsync()
    {
        using var awx = pipeline.Awx.CreateClient();
        var page = await awx.GetFromJsonAsync<JsonElement>("/api/v2/jobs/?page_size=1");
        return page.GetProperty("count").GetInt32();
    }

    /// <summary>Everything a redelivery could disturb: the row and its results, its output and its stream record.</summary>
    private async Task<string> SnapshotAsync(Guid executionId)
    {
        await using var connection = new NpgsqlConnection(pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select concat_ws('|', e.status, e.status_explanation, e.current_task, e.progress_percentage, e.row_results::text, e.results_source,
                             e.partial_success, e.awx_job_data::text, e.artifacts::text, e.elapsed_seconds, e.task_count, e.final_counter,
                             e.complete, e.missing_counters::text, e.finished_at,
                             (select concat(count(*), '/', md5(string_agg(concat_ws('|', counter, event, uuid, host, failed, changed, stdout, event_data::text), '#' order by counter)))
                              from job_events where execution_id = e.id),
                             (select string_agg(concat(watermark, '/', published_watermark, '/', max_counter, '/', final_counter), ',') from job_streams where execution_id = e.id))
            from executions e where e.id = @id
            """,
            connection);
        command.Parameters.AddWithValue("id", executionId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
