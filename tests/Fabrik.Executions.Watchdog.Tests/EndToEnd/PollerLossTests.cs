using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Streaming;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace Fabrik.Executions.Watchdog.Tests.EndToEnd;

public sealed class PollerLossTests
{
    private const int Events = 1_500;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private RecoveryPipeline pipeline = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => pipeline = await RecoveryPipeline.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await pipeline.DisposeAsync();

    [Test]
    public async Task Stream_of_a_poller_lost_mid_run_is_finished_by_another_once_the_watchdog_resumes_it()
    {
        WebApplication[] pollers = [await pipeline.StartPollerWithoutScansAsync(), await pipeline.StartPollerWithoutScansAsync()];
        var executionId = await LaunchAsync();
        await Eventually.TrueAsync(async () => (await StoredAsync(executionId)).Rows >= 200, "the first 200 events to be stored", Deadline);

        // A killed poller leaves its keys to lapse; here they lapse at once. The other poller never scans on its own, so
        // only a ResumeStreaming makes it take over.
        var lost = pollers.Single(poller => poller.Services.GetRequiredService<StreamSupervisor>().RunningCount == 1);
        await pipeline.StopAsync(lost);
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(pipeline.Infrastructure.Redis))
        {
            await redis.GetDatabase().WithKeyPrefix(pipeline.Infrastructure.RedisKeyPrefix).KeyDeleteAsync([RedisStreamKeys.Lease(executionId), RedisStreamKeys.Alive(executionId)]);
        }

        Assert.That((await StoredAsync(executionId)).Rows, Is.LessThan(Events), "the poller was lost mid-stream");
        var resume = await pipeline.Probe.WaitForAsync<ResumeStreaming>(m => m.ExecutionId == executionId, "the Watchdog's ResumeStreaming", Deadline);
        var finished = await pipeline.Probe.WaitForAsync<ExecutionFinished>(m => m.ExecutionId == executionId, "ExecutionFinished", Deadline);
        await Eventually.TrueAsync(async () => (await FindAsync(executionId)).RowResults is not null, "the results to be parsed", Deadline);

        Assert.That(resume.Reason, Is.Not.Empty);
        Assert.That(pipeline.Probe.Received<ResumeStreaming>().Count(m => m.ExecutionId == executionId), Is.EqualTo(1), "one resume was enough");
        Assert.That((finished.Status, finished.FinalCounter, finished.Complete), Is.EqualTo((ExecutionStatus.Successful, (long)Events, true)));
        Assert.That(await StoredAsync(executionId), Is.EqualTo(new StoredEvents(Events, Events, 1, Events)), "every event stored once");
        var execution = await FindAsync(executionId);
        Assert.That((execution.Status, execution.Complete), Is.EqualTo((ExecutionStatus.Successful, (bool?)true)));
    }

    private async Task<Guid> LaunchAsync()
    {
        var client = pipeline.Probe.Bus.CreateRequestClient<LaunchExecution>(RequestTimeout.After(s: 60));
        var response = await client.GetResponse<ExecutionAccepted, CommandRejected>(new LaunchExecution
        {
            ExecutionId = Guid.CreateVersion7(),
            RequestId = Guid.NewGuid().ToString(),
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVars = JsonSerializer.SerializeToElement(new { emulator_events = Events, emulator_hosts = 5, emulator_events_per_second = 200 }),
            Credentials = [],
            LaunchedBy = "watchdog-tests",
        });
        Assert.That(response.Is(out Response<ExecutionAccepted>? accepted), Is.True);
        return accepted!.Message.ExecutionId;
    }

    private async Task<ExecutionRecord> FindAsync(Guid executionId)
    {
        await using var database = NpgsqlDataSource.Create(pipeline.Infrastructure.Postgres);
        return (await new ExecutionRepository(database).FindAsync(executionId, CancellationToken.None))!;
    }

    private Task<StoredEvents> StoredAsync(Guid executionId) => StoredEvents.ReadAsync(pipeline.Infrastructure, executionId);
}
