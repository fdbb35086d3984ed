using System.Text.Json.Nodes;
using Npgsql;

namespace Fabrik.Executions.IntegrationTests.Polling;

public sealed class ParentOutcomeTests
{
    private static readonly string[] ParentEvents = ["playbook_on_play_start", "playbook_on_task_start"];

    [Test]
    public async Task Play_and_task_events_AWX_marks_failed_or_changed_after_the_stats_are_stored_with_AWX_final_flags()
    {
        var session = await SharedPollingPipeline.SessionAsync();
        // Paced, so the parents are copied long before the stats mark them.
        var executionId = await session.Gateway.LaunchSyntheticAsync(new JsonObject
        {
            ["emulator_events"] = 300, ["emulator_hosts"] = 6, ["emulator_failed_hosts"] = 2, ["emulator_events_per_second"] = 100,
        });

        var execution = await session.Gateway.WaitForResultsAsync(executionId, PollingSession.Deadline);

        var emitted = session.Pipeline.Awx.GetEmittedEvents(execution.GetProperty("awx_job_id").GetInt32())
            .Where(e => ParentEvents.Contains(e.Event))
            .Select(e => new ParentFlags(e.Counter, e.Failed, e.Changed))
            .ToList();
        Assert.That(emitted.Count(parent => parent.Failed), Is.GreaterThan(0), "the failed hosts marked some task failed");
        Assert.That(emitted.Count(parent => parent.Changed), Is.GreaterThan(0), "changed results marked some task changed");
        Assert.That(await ReadStoredParentsAsync(session, executionId), Is.EqualTo(emitted));
    }

    private static async Task<List<ParentFlags>> ReadStoredParentsAsync(PollingSession session, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(session.Pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select counter, failed, changed from job_events where execution_id = @id and event = any(@events) order by counter", connection);
        command.Parameters.AddWithValue("id", executionId);
        command.Parameters.AddWithValue("events", ParentEvents);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<ParentFlags>();
        while (await reader.ReadAsync())
        {
            stored.Add(new ParentFlags(reader.GetInt64(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        }

        return stored;
    }

    private sealed record ParentFlags(long Counter, bool Failed, bool Changed);
}
