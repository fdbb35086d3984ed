using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Watchdog.Tests.Retention;

/// <summary>Executions as the services leave them over months: created through the storage classes, then aged and given a status in place.</summary>
internal sealed class StoredHistory(WatchdogUnderTest system)
{
    public const int EventsPerExecution = 20;

    private readonly List<Guid> added = [];

    /// <summary>Every execution this history added, in order.</summary>
    public IReadOnlyList<Guid> Added => added;

    /// <summary>An original, or a relaunch of <paramref name="relaunchOf"/>, in <paramref name="status"/>, finished <paramref name="finishedDaysAgo"/> days ago unless it is still active, with its output stored.</summary>
    public async Task<Guid> AddAsync(
        int templateId, ExecutionStatus status, int finishedDaysAgo, Guid? relaunchOf = null, TemplateKind kind = TemplateKind.Job)
    {
        var id = Guid.CreateVersion7();
        if (relaunchOf is { } original)
        {
            Assert.That(await new RelaunchRepository(system.Database).CreateAsync(
                new NewRelaunch { Id = id, RelaunchOf = original, Hosts = RelaunchHosts.All, LaunchedBy = "alice" }, CancellationToken.None), Is.Not.Null);
        }
        else
        {
            await system.Executions.CreateAsync(new NewExecution
            {
                Id = id,
                RequestId = "request-" + id.ToString("N"),
                Template = new TemplateReference { Kind = kind, Id = templateId, Name = $"Template {templateId}" },
                ExtraVarsJson = "{}",
                CredentialIds = [],
                LaunchedBy = "alice",
            }, CancellationToken.None);
        }

        await system.StoreEventsAsync(id, 1_000 + templateId, Enumerable.Range(1, EventsPerExecution).Select(counter => (long)counter).ToArray());
        await system.ExecuteAsync(
            """
            update executions
            set status = @status,
                created_at = now() - make_interval(days => @days) - interval '1 minute',
                finished_at = case when @terminal then now() - make_interval(days => @days) end
            where id = @id
            """,
            ("id", id), ("status", DatabaseText.From(status)), ("days", finishedDaysAgo), ("terminal", status.IsTerminal()));
        added.Add(id);
        return id;
    }

    public async Task<IReadOnlySet<Guid>> ExecutionIdsAsync()
    {
        await using var command = system.Database.CreateCommand("select id from executions");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Stored events and job streams of <paramref name="ids"/>.</summary>
    public async Task<(long Events, long Streams)> OutputOfAsync(IEnumerable<Guid> ids)
    {
        await using var command = system.Database.CreateCommand(
            "select (select count(*) from job_events where execution_id = any(@ids)), (select count(*) from job_streams where execution_id = any(@ids))");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
