using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Infrastructure.Tests;

public sealed class JobEventStoreTests
{
    private IsolatedInfrastructure infrastructure = null!;
    private ServiceProvider services = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        infrastructure = await IsolatedInfrastructure.CreateAsync();
        services = new ServiceCollection().AddFabrikStorage(infrastructure.Postgres).BuildServiceProvider();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await services.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    [Test]
    public async Task Watermark_stops_at_the_first_gap_and_moves_once_the_gap_fills()
    {
        var executionId = await CreateExecutionAsync();
        var store = services.GetRequiredService<JobEventStore>();

        var first = await store.StoreAsync(executionId, 1, Events(executionId, 1, 2, 3, 5, 6), CancellationToken.None);
        Assert.That((first.Watermark, first.MaxCounter), Is.EqualTo((3L, 6L)));
        Assert.That(await store.FindMissingCountersAsync(executionId, 1, 6, 10, CancellationToken.None), Is.EqualTo(new[] { 4L }));

        var second = await store.StoreAsync(executionId, 1, Events(executionId, 4), CancellationToken.None);
        Assert.That((second.Watermark, second.MaxCounter), Is.EqualTo((6L, 6L)));
    }

    [TestCase(new long[] { 1, 2, 3 }, new long[] { 4, 5 }, 5, 5, TestName = "A page running on from the watermark moves it to its end")]
    [TestCase(new long[] { 1, 2, 3, 6, 7 }, new long[] { 4, 5 }, 7, 7, TestName = "A page filling the gap moves the watermark over what was stored above it")]
    [TestCase(new long[] { 1, 2, 3, 4, 5 }, new long[] { 2, 3 }, 5, 5, TestName = "A page below the watermark leaves it where it is")]
    [TestCase(new long[] { 1, 2 }, new long[] { 4, 5 }, 2, 5, TestName = "A page after a gap leaves the watermark before the gap")]
    [TestCase(new long[] { 1, 2, 8 }, new long[] { 3, 4 }, 4, 8, TestName = "A page running on from the watermark stops at the next gap")]
    [TestCase(new long[] { 1, 2 }, new long[] { 3, 5 }, 3, 5, TestName = "A page with a gap of its own moves the watermark up to it")]
    public async Task The_watermark_follows_each_stored_page(long[] storedBefore, long[] page, long watermark, long maxCounter)
    {
        var executionId = await CreateExecutionAsync();
        var store = services.GetRequiredService<JobEventStore>();
        await store.StoreAsync(executionId, 1, Events(executionId, storedBefore), CancellationToken.None);

        var stored = await store.StoreAsync(executionId, 1, Events(executionId, page), CancellationToken.None);

        Assert.That((stored.Watermark, stored.MaxCounter), Is.EqualTo((watermark, maxCounter)));
    }

    [Test]
    public async Task Storing_the_same_events_again_inserts_nothing_and_reports_none_as_new()
    {
        var executionId = await CreateExecutionAsync();
        var store = services.GetRequiredService<JobEventStore>();
        await store.StoreAsync(executionId, 1, Events(executionId, 1, 2, 3), CancellationToken.None);

        var again = await store.StoreAsync(executionId, 1, Events(executionId, 2, 3, 4), CancellationToken.None);

        Assert.That(again.Inserted.Select(e => e.Counter), Is.EqualTo(new[] { 4L }));
        var stored = await store.ReadAfterAsync(executionId, 1, 0, 100, CancellationToken.None);
        Assert.That(stored.Select(e => e.Counter), Is.EqualTo(new[] { 1L, 2L, 3L, 4L }));
    }

    [Test]
    public async Task The_same_page_stored_twice_at_once_is_stored_once_and_each_event_is_new_to_one_store()
    {
        var executionId = await CreateExecutionAsync();
        var store = services.GetRequiredService<JobEventStore>();
        var page = Events(executionId, Enumerable.Range(1, 200).Select(counter => (long)counter).ToArray());

        var both = await Task.WhenAll(
            store.StoreAsync(executionId, 1, page, CancellationToken.None),
            store.StoreAsync(executionId, 1, page, CancellationToken.None));

        Assert.That(both.SelectMany(stored => stored.Inserted).Select(e => e.Counter).Order(), Is.EqualTo(page.Select(e => e.Counter)));
        Assert.That(both.Select(stored => (stored.Watermark, stored.MaxCounter)), Is.All.EqualTo((200L, 200L)));
        var stored = await store.ReadAfterAsync(executionId, 1, 0, 1_000, CancellationToken.None);
        Assert.That(stored.Select(e => e.Counter), Is.EqualTo(page.Select(e => e.Counter)));
    }

    [Test]
    public async Task Stored_events_read_back_field_for_field()
    {
        var executionId = await CreateExecutionAsync();
        var store = services.GetRequiredService<JobEventStore>();
        var written = Events(executionId, 1)[0] with { JobId = 9, Host = null, Stdout = "line\r\n\u001b[0;31mred\u001b[0m" };

        await store.StoreAsync(executionId, 9, [written], CancellationToken.None);

        var read = (await store.ReadAfterAsync(executionId, 9, 0, 10, CancellationToken.None)).Single();
        Assert.That(read with { EventData = default }, Is.EqualTo(written with { EventData = default }));
        Assert.That(JsonSerializer.Serialize(read.EventData), Is.EqualTo(JsonSerializer.Serialize(written.EventData)));
    }

    [Test]
    public async Task Executions_are_read_together_and_unknown_ids_are_left_out()
    {
        Guid[] created = [await CreateExecutionAsync(), await CreateExecutionAsync()];

        var found = await services.GetRequiredService<ExecutionRepository>().FindAllAsync([created[1], Guid.NewGuid(), created[0]], CancellationToken.None);

        Assert.That(found.Select(execution => execution.Id), Is.EquivalentTo(created));
    }

    private async Task<Guid> CreateExecutionAsync()
    {
        var (execution, _) = await services.GetRequiredService<ExecutionRepository>().CreateAsync(SyntheticExecution.New(), CancellationToken.None);
        return execution.Id;
    }

    private static List<JobEventReceived> Events(Guid executionId, params long[] counters) =>
        counters.Select(counter => new JobEventReceived
        {
            ExecutionId = executionId,
            JobId = 1,
            Counter = counter,
            Event = "runner_on_ok",
            Uuid = $"uuid-{counter}",
            ParentUuid = "parent",
            Host = "leaf-101.lab",
            Play = "play",
            Task = "task",
            Role = null,
            Stdout = $"ok {counter}",
            StartLine = (int)counter,
            EndLine = (int)counter + 1,
            Failed = false,
            Changed = counter % 2 == 0,
            Created = new DateTimeOffset(2026, 1, 1, 0, 0, (int)counter % 60, TimeSpan.Zero),
            EventData = JsonDocument.Parse($$"""{"host":"leaf-101.lab","counter":{{counter}}}""").RootElement,
        }).ToList();
}
