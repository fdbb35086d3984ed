using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>
/// The emulator's built-in workflows launched as executions: each node's state, edges and job as AWX has them, every
/// node job's events stored exactly once and pushed to a watching browser, the final status AWX's, the clone removed.
/// </summary>
public sealed class WorkflowRunTests
{
    // Node jobs take about a second each (30 events at 30 a second), so a watcher subscribed after the launch sees them run.
    private static JsonObject PacedVars() => new() { ["emulator_events_per_second"] = 30 };

    [Test]
    public async Task Failure_and_always_branches_run_as_AWX_runs_them_and_every_node_job_is_copied_once()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(10, PacedVars(), 7);
        await using var watcher = await WorkflowWatcher.WatchAsync(session.Pipeline, executionId);

        var nodes = await VerifyRunAsync(session, watcher, executionId, "successful");

        Assert.That(nodes.ToDictionary(node => node.GetProperty("identifier").GetString()!, node => node.GetProperty("state").GetString()), Is.EqualTo(
            new Dictionary<string, string> { ["deploy"] = "failed", ["announce"] = "skipped", ["rollback"] = "successful", ["report"] = "successful" }),
            "the failure edge and the always edge fire, the success edge does not");
        var workflow = await session.WorkflowAsync(executionId);
        var deploy = nodes.Single(node => node.GetProperty("identifier").GetString() == "deploy").GetProperty("id").GetInt64();
        var edgesFromDeploy = workflow.GetProperty("edges").EnumerateArray()
            .Where(edge => edge.GetProperty("from").GetInt64() == deploy)
            .Select(edge => (NameOf(nodes, edge.GetProperty("to").GetInt64()), edge.GetProperty("type").GetString()))
            .OrderBy(edge => edge.Item1)
            .ToList();
        Assert.That(edgesFromDeploy, Is.EqualTo(new[] { ("announce", "success"), ("report", "always"), ("rollback", "failure") }));
        var rollback = nodes.Single(node => node.GetProperty("identifier").GetString() == "rollback");
        Assert.That(rollback.GetProperty("artifacts").GetProperty("row_results").GetArrayLength(), Is.EqualTo(2),
            "what the node's job set with set_stats is stored on the node");

        foreach (var node in nodes.Where(node => node.GetProperty("job_id").ValueKind == JsonValueKind.Number))
        {
            var job = await session.AwxAsync($"api/v2/jobs/{node.GetProperty("job_id").GetInt64()}/");
            Assert.That(job.GetProperty("summary_fields").GetProperty("credentials").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()),
                Does.Contain(7), $"node {node.GetProperty("identifier")} ran with the execution's credential, bound on the clone's node");
        }

        await VerifyHostResultsAsync(session, executionId, nodes);
    }

    [Test]
    public async Task Parallel_nodes_run_together_and_converge()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(11, PacedVars());
        await using var watcher = await WorkflowWatcher.WatchAsync(session.Pipeline, executionId);

        var nodes = await VerifyRunAsync(session, watcher, executionId, "successful");

        var byName = nodes.ToDictionary(node => node.GetProperty("identifier").GetString()!);
        Assert.That(byName.Values.Select(node => node.GetProperty("state").GetString()), Is.All.EqualTo("successful"));
        var left = byName["left"];
        var right = byName["right"];
        var converge = byName["converge"];
        Assert.That(Time(left, "started_at"), Is.LessThan(Time(right, "finished_at")), "left starts before right finished");
        Assert.That(Time(right, "started_at"), Is.LessThan(Time(left, "finished_at")), "right starts before left finished");
        Assert.That(Time(converge, "started_at"), Is.GreaterThanOrEqualTo(new[] { Time(left, "finished_at"), Time(right, "finished_at") }.Max()),
            "converge waits for both parents");
        Assert.That(nodes.Select(node => node.GetProperty("elapsed_seconds").GetDouble()), Is.All.GreaterThan(0));
    }

    [Test]
    public async Task A_nested_workflow_is_followed_node_by_node_under_the_same_execution()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(13, PacedVars());
        await using var watcher = await WorkflowWatcher.WatchAsync(session.Pipeline, executionId);

        var nodes = await VerifyRunAsync(session, watcher, executionId, "successful");

        var inner = nodes.Single(node => node.GetProperty("identifier").GetString() == "inner");
        Assert.That(inner.GetProperty("kind").GetString(), Is.EqualTo("workflow"));
        var innerWorkflowJob = inner.GetProperty("job_id").GetInt64();
        var nested = nodes.Where(node => node.GetProperty("workflow_job_id").GetInt64() == innerWorkflowJob).ToList();
        Assert.That(nested.Select(node => node.GetProperty("identifier").GetString()), Is.EquivalentTo(new[] { "deploy", "announce", "rollback", "report" }),
            "the nested workflow's own nodes are stored with its workflow job");
        Assert.That(nested.Count(node => node.GetProperty("kind").GetString() == "job" && node.GetProperty("job_id").ValueKind == JsonValueKind.Number),
            Is.EqualTo(3), "three of its nodes ran playbook jobs, whose events are checked with the rest");
    }

    /// <summary>
    /// Waits for the execution to finish and checks what every workflow run must hold; answers the stored nodes.
    /// </summary>
    private static async Task<IReadOnlyList<JsonElement>> VerifyRunAsync(
        WorkflowSession session, WorkflowWatcher watcher, Guid executionId, string expectedStatus)
    {
        var execution = await session.WaitForTerminalAsync(executionId);
        var workflowJobId = execution.GetProperty("awx_job_id").GetInt64();
        var awxWorkflowJob = await session.AwxAsync($"api/v2/workflow_jobs/{workflowJobId}/");
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo(awxWorkflowJob.GetProperty("status").GetString()), "the status is AWX's");
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo(expectedStatus));
        Assert.That(awxWorkflowJob.GetProperty("name").GetString(), Does.Contain($"Fabrik execution {executionId}"), "AWX ran the execution's clone");

        var awxNodes = await session.AwxNodesAsync(workflowJobId);
        var nodes = (await session.WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(nodes.Select(node => node.GetProperty("id").GetInt64()), Is.EquivalentTo(awxNodes.Select(node => node.GetProperty("id").GetInt64())),
            "every node of the workflow and of nested workflows is stored");
        foreach (var node in nodes)
        {
            var awxNode = awxNodes.Single(candidate => candidate.GetProperty("id").GetInt64() == node.GetProperty("id").GetInt64());
            var jobId = awxNode.GetProperty("job").ValueKind == JsonValueKind.Number ? awxNode.GetProperty("job").GetInt64() : (long?)null;
            var expectedState = jobId is null
                ? (awxNode.GetProperty("do_not_run").GetBoolean() ? "skipped" : "pending")
                : awxNode.GetProperty("summary_fields").GetProperty("job").GetProperty("status").GetString();
            var nodeId = node.GetProperty("id").GetInt64();
            Assert.That(node.GetProperty("state").GetString(), Is.EqualTo(expectedState), $"node {nodeId}'s state is AWX's");
            Assert.That(node.GetProperty("job_id").ValueKind == JsonValueKind.Number ? node.GetProperty("job_id").GetInt64() : (long?)null, Is.EqualTo(jobId));
            await Eventually.TrueAsync(() => Task.FromResult(watcher.Pushed(nodeId, expectedState!)),
                $"the watcher to be told node {nodeId} is {expectedState}", WorkflowSession.Deadline);

            if (jobId is { } job && node.GetProperty("kind").GetString() == "job")
            {
                var emitted = await session.AwxEventCountAsync(job);
                Assert.That(emitted, Is.GreaterThan(0));
                Assert.That(await session.StoredEventsAsync(executionId, job), Is.EqualTo(new StoredEvents(emitted, emitted, 1, emitted)),
                    $"job {job}'s events are stored exactly once under the execution");
                await Eventually.TrueAsync(() => Task.FromResult(watcher.EventsOf(job) == emitted),
                    $"the watcher to hold all {emitted} events of job {job}", WorkflowSession.Deadline);
            }
        }

        await session.WaitForCloneRemovedAsync(await session.CloneOfAsync(workflowJobId));
        return nodes;
    }

    /// <summary>
    /// The workflow's per-host results are its node jobs' added up host by host, as the emulator ran them; a host that
    /// failed in deploy stays failed, so the successful workflow is a partial success; AWX's workflow job is its detail.
    /// </summary>
    private static async Task VerifyHostResultsAsync(WorkflowSession session, Guid executionId, IReadOnlyList<JsonElement> nodes)
    {
        var execution = await session.WaitForResultsAsync(executionId);
        var expected = nodes
            .Where(node => node.GetProperty("kind").GetString() == "job" && node.GetProperty("job_id").ValueKind == JsonValueKind.Number)
            .SelectMany(node => session.Pipeline.Awx.GetExpectedHostOutcomes(node.GetProperty("job_id").GetInt32()))
            .GroupBy(host => host.Host)
            .Select(runs => (runs.Key, runs.Sum(r => r.Ok), runs.Sum(r => r.Changed), runs.Sum(r => r.Failed), runs.Sum(r => r.Unreachable), runs.Sum(r => r.Skipped)));
        var stored = execution.GetProperty("row_results").EnumerateArray().Select(row => (
            row.GetProperty("host").GetString()!, row.GetProperty("ok").GetInt32(), row.GetProperty("changed").GetInt32(),
            row.GetProperty("failed").GetInt32(), row.GetProperty("unreachable").GetInt32(), row.GetProperty("skipped").GetInt32()));
        Assert.That(stored, Is.EquivalentTo(expected), "each host's counts are the sum over the node jobs");
        Assert.That(execution.GetProperty("row_results").EnumerateArray()
                .Where(row => row.GetProperty("failed").GetInt32() > 0)
                .Select(row => row.GetProperty("status").GetString()),
            Is.Not.Empty.And.All.EqualTo("failed"));
        Assert.That(execution.GetProperty("results_source").GetString(), Is.EqualTo("workflow_nodes"));
        Assert.That(execution.GetProperty("partial_success").GetBoolean(), Is.True, "successful, with a host that failed in deploy");
        Assert.That(await session.StoredAwxJobTypeAsync(executionId), Is.EqualTo("workflow_job"), "awx_job_data is AWX's workflow job, verbatim");
    }

    private static string NameOf(IReadOnlyList<JsonElement> nodes, long nodeId) =>
        nodes.Single(node => node.GetProperty("id").GetInt64() == nodeId).GetProperty("identifier").GetString()!;

    private static DateTimeOffset Time(JsonElement node, string field) => node.GetProperty(field).GetDateTimeOffset();
}
