using System.Text.Json;
using Dapper;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>
/// Output search matches stdout without its colours, and the trigram index on that copy serves it: PostgreSQL's plans
/// for exactly the commands the list's <c>q</c> and the search within an execution send, over enough rows (one
/// execution of 20,000 events among 200 small ones) and fresh statistics, so that the planner weighs a scan honestly.
/// </summary>
public sealed class OutputSearchIndexTests
{
    private const int SmallExecutions = 200;
    private const int SmallExecutionEvents = 100;
    private const int LargeExecutionEvents = 20_000;

    private IsolatedInfrastructure infrastructure = null!;
    private NpgsqlDataSource dataSource = null!;
    private Guid largeExecution;
    private string phrase = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        infrastructure = await IsolatedInfrastructure.CreateAsync();
        dataSource = NpgsqlDataSource.Create(infrastructure.Postgres);
        largeExecution = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into executions (id, request_id, template_kind, template_id, template_name, launched_by, created_at)
            select gen_random_uuid(), 'small-' || n, 'job', 1, 'Synthetic', 'tests', now() - n * interval '1 minute'
            from generate_series(1, @smallExecutions) as n;
            insert into executions (id, request_id, template_kind, template_id, template_name, launched_by)
            values (@largeExecution, 'large', 'job', 1, 'Synthetic', 'tests');
            insert into job_events (execution_id, job_id, counter, event, uuid, stdout, created)
            select e.id, 1, c, 'runner_on_ok', gen_random_uuid()::text,
                   E'\u001b[0;32mok: [leaf-' || c % 40 || E']\u001b[0m => \u001b[1;34m' || md5(e.id::text || c) || E'\u001b[0m', now()
            from executions e
            cross join lateral generate_series(1, case when e.id = @largeExecution then @largeExecutionEvents else @smallExecutionEvents end) as c;
            """,
            new { smallExecutions = SmallExecutions, largeExecution, largeExecutionEvents = LargeExecutionEvents, smallExecutionEvents = SmallExecutionEvents },
            commandTimeout: 300);
        await connection.ExecuteAsync("vacuum analyze job_events", commandTimeout: 300);
        await connection.ExecuteAsync("analyze executions");
        // The rare phrase a person looks for: a part of one event's output, across its colour code.
        var token = await connection.ExecuteScalarAsync<string>(
            "select md5(@largeExecution::text || 12345)", new { largeExecution });
        phrase = "leaf-25] => " + token![..12];
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await dataSource.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    [Test]
    public async Task Output_without_colours_is_the_one_trigram_indexed_column_of_job_events()
    {
        await using var connection = await dataSource.OpenConnectionAsync();

        var trigramIndexes = await connection.QueryAsync<string>(
            "select indexdef from pg_indexes where tablename = 'job_events' and indexdef like '%gin_trgm_ops%'");

        Assert.That(trigramIndexes.Single(), Does.EndWith("USING gin (stdout_plain gin_trgm_ops)"));
    }

    [Test]
    public async Task Analyze_keeps_statistics_of_the_searched_output_and_none_of_event_data()
    {
        await using var connection = await dataSource.OpenConnectionAsync();

        var analysed = (await connection.QueryAsync<string>("select attname from pg_stats where tablename = 'job_events'")).ToList();

        Assert.That(analysed, Does.Contain("stdout_plain").And.Contain("host"));
        Assert.That(analysed, Does.Not.Contain("event_data"), "statistics of event_data, which no plan reads");
    }

    [Test]
    public async Task List_phrase_filter_is_served_by_the_trigram_index()
    {
        await using var recorded = new RecordedCommands(infrastructure.Postgres);

        var page = await new ExecutionQueries(recorded.DataSource).ListAsync(
            new ExecutionFilter { OutputContains = phrase }, 0, 25, CancellationToken.None);

        Assert.That(page.Items.Select(execution => execution.Id), Is.EqualTo(new[] { largeExecution }));
        var plans = await recorded.PlansAsync();
        Assert.That(plans, Has.Count.EqualTo(2), "the count and the page");
        Assert.That(plans, Has.All.Contain("Bitmap Index Scan on job_events_stdout_plain_trgm"), string.Join("\n\n", plans));
    }

    [Test]
    public async Task Search_within_an_execution_is_served_by_the_trigram_index()
    {
        await using var recorded = new RecordedCommands(infrastructure.Postgres);

        var found = await new JobEventQueries(recorded.DataSource).SearchAsync(largeExecution, phrase, 0, 25, CancellationToken.None);

        Assert.That(found.Hits.Select(hit => hit.Counter), Is.EqualTo(new[] { 12345L }));
        var plans = await recorded.PlansAsync();
        Assert.That(plans, Has.Count.EqualTo(2), "the count and the hits");
        Assert.That(plans, Has.All.Contain("Bitmap Index Scan on job_events_stdout_plain_trgm"), string.Join("\n\n", plans));
    }

    [Test]
    public async Task Every_event_is_stored_with_its_output_without_colours_whoever_stores_it()
    {
        const string stdout = "\u001b[0;33mchanged: [leaf-1]\u001b[0m\r\n\u001b]title\u001b\\ \u001b[1;31mfatal\u001b[0m";
        var byPoller = new JobEventReceived
        {
            ExecutionId = largeExecution, JobId = 2, Counter = 1, Event = "runner_on_ok", Uuid = "stored-by-poller", ParentUuid = "",
            Host = "leaf-1", Play = null, Task = null, Role = null, Stdout = stdout, StartLine = 0, EndLine = 2, Failed = false, Changed = true,
            Created = DateTimeOffset.UtcNow, EventData = JsonDocument.Parse("{}").RootElement,
        };
        await new JobEventStore(dataSource).StoreAsync(largeExecution, 2, [byPoller], CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();
        // As a poller of the version before stdout_plain stores an event.
        await connection.ExecuteAsync(
            "insert into job_events (execution_id, job_id, counter, event, uuid, stdout, created) values (@largeExecution, 2, 2, 'runner_on_ok', 'stored-without', @stdout, now())",
            new { largeExecution, stdout });

        var plain = await connection.QueryAsync<string>(
            "select stdout_plain from job_events where execution_id = @largeExecution and job_id = 2 order by counter", new { largeExecution });

        Assert.That(plain, Is.EqualTo(new[] { AnsiEscapes.Strip(stdout), AnsiEscapes.Strip(stdout) }));
        Assert.That(AnsiEscapes.Strip(stdout), Is.EqualTo("changed: [leaf-1]\r\ntitle fatal"));
    }
}
