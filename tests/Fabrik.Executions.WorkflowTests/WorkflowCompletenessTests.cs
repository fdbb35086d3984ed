using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Testing;
using Npgsql;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>A workflow execution is complete only when every node job's copy is: all its counters stored, and AWX confirmed it processed them.</summary>
public sealed class WorkflowCompletenessTests
{
    [TearDown]
    public async Task ClearFaultsAsync() => (await SharedWorkflowPipeline.SessionAsync()).Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task A_workflow_whose_node_jobs_AWX_never_confirms_as_processed_finishes_incomplete_though_no_counter_is_missing()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        session.Pipeline.Awx.Faults = new FaultSettings { EventProcessingNeverFinishes = true };
        var executionId = await session.LaunchAsync(14, new JsonObject());

        var execution = await session.WaitForTerminalAsync(executionId);

        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.False);
        Assert.That(execution.GetProperty("missing_counters").GetArrayLength(), Is.Zero);
        Assert.That(execution.GetProperty("final_counter").GetInt64(), Is.EqualTo(await AwxEventsOfNodeJobsAsync(session, executionId)));
    }

    [Test]
    public async Task A_poller_taking_a_workflow_over_counts_the_node_job_copies_finished_before_it()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        // Slow nodes (6 s each, four in a row), so the workflow still runs once its first node job's copy is finished.
        var executionId = await session.LaunchAsync(13, new JsonObject { ["emulator_events_per_second"] = 5 });
        await Eventually.TrueAsync(async () => await FinishedCopiesAsync(session, executionId) > 0, "the first node job's copy to finish", WorkflowSession.Deadline);

        await session.Pipeline.StopPollerAsync(session.Pipeline.Pollers[0]);
        var handedOver = await session.GetAsync($"/api/v1/executions/{executionId}");
        await session.Pipeline.StartPollerAsync();
        var execution = await session.WaitForTerminalAsync(executionId);

        Assert.That(handedOver.GetProperty("status").GetString(), Is.EqualTo("running"), "the new poller takes over a running workflow");
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(execution.GetProperty("final_counter").GetInt64(), Is.EqualTo(await AwxEventsOfNodeJobsAsync(session, executionId)),
            "every node job's events count, those copied before the takeover too");
        Assert.That(execution.GetProperty("complete").GetBoolean(), Is.True);
    }

    private static async Task<long> AwxEventsOfNodeJobsAsync(WorkflowSession session, Guid executionId)
    {
        var nodes = (await session.WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray()
            .Where(node => node.GetProperty("kind").GetString() == "job" && node.GetProperty("job_id").ValueKind == JsonValueKind.Number);
        var total = 0L;
        foreach (var node in nodes)
        {
            total += await session.AwxEventCountAsync(node.GetProperty("job_id").GetInt64());
        }

        return total;
    }

    private static async Task<long> FinishedCopiesAsync(WorkflowSession session, Guid executionId)
    {
        await using var connection = new NpgsqlConnection(session.Pipeline.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from job_streams where execution_id = @e and final_counter is not null", connection);
        command.Parameters.AddWithValue("e", executionId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
