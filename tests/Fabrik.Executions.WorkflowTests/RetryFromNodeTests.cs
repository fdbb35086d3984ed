using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>
/// Retry from here on a workflow made for it in AWX: publish (sets artifacts) → apply (always fails) → verify. The
/// retry from apply runs apply and verify only, in a new clone, with publish's artifacts as extra vars, as a relaunch
/// in the chain.
/// </summary>
public sealed class RetryFromNodeTests
{
    [Test]
    public async Task A_retry_from_a_failed_node_runs_it_and_what_follows_with_the_earlier_artifacts()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var templateId = await CreateWorkflowAsync(session);
        var originalId = await session.LaunchAsync(templateId, new JsonObject { ["site"] = "lab" });
        var original = await session.WaitForTerminalAsync(originalId);
        Assert.That(original.GetProperty("status").GetString(), Is.EqualTo("failed"), "apply fails and has no failure path");
        var nodes = await session.NodesByIdentifierAsync(originalId);
        Assert.That(nodes["verify"].GetProperty("state").GetString(), Is.EqualTo("skipped"));

        using (var fromSuccess = await session.PostAsync(session.Gateway, $"/api/v1/executions/{originalId}/relaunch",
                   $$"""{"from_node": {{nodes["publish"].GetProperty("id").GetInt64()}}}"""))
        {
            Assert.That(await WorkflowSession.DetailAsync(fromSuccess, HttpStatusCode.Conflict), Does.Contain("is successful"));
        }

        using (var fromNowhere = await session.PostAsync(session.Gateway, $"/api/v1/executions/{originalId}/relaunch", """{"from_node": 999999}"""))
        {
            Assert.That(await WorkflowSession.DetailAsync(fromNowhere, HttpStatusCode.NotFound), Does.Contain("no node 999999"));
        }

        Guid retryId;
        using (var retry = await session.PostAsync(session.Gateway, $"/api/v1/executions/{originalId}/relaunch",
                   $$"""{"from_node": {{nodes["apply"].GetProperty("id").GetInt64()}}}"""))
        {
            var relaunch = await WorkflowSession.DataAsync(retry, HttpStatusCode.Accepted);
            Assert.That(relaunch.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(originalId));
            Assert.That(relaunch.GetProperty("relaunch_count").GetInt32(), Is.EqualTo(1), "a retry counts as a relaunch in the chain");
            retryId = relaunch.GetProperty("id").GetGuid();
        }

        var retried = await session.WaitForTerminalAsync(retryId);
        Assert.That(retried.GetProperty("status").GetString(), Is.EqualTo("failed"), "apply fails again: it is the same node");
        var retriedNodes = (await session.WorkflowAsync(retryId)).GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(retriedNodes.Select(node => node.GetProperty("identifier").GetString()), Is.EquivalentTo(new[] { "apply", "verify" }),
            "the retry's clone holds the node and everything downstream of it, nothing before");

        var publishArtifacts = nodes["publish"].GetProperty("artifacts");
        Assert.That(publishArtifacts.GetProperty("row_results").GetArrayLength(), Is.GreaterThan(0), "publish set artifacts");
        var apply = retriedNodes.Single(node => node.GetProperty("identifier").GetString() == "apply");
        var applyJob = await session.AwxAsync($"api/v2/jobs/{apply.GetProperty("job_id").GetInt64()}/");
        using var extraVars = JsonDocument.Parse(applyJob.GetProperty("extra_vars").GetString()!);
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(extraVars.RootElement.GetProperty("row_results").GetRawText()),
            JsonNode.Parse(publishArtifacts.GetProperty("row_results").GetRawText())), Is.True, "publish's artifacts reach the retried node");
        Assert.That(extraVars.RootElement.GetProperty("site").GetString(), Is.EqualTo("lab"), "the execution's own extra vars come along");

        var chain = (await session.GetAsync($"/api/v1/executions/{retryId}/chain")).EnumerateArray().Select(item => item.GetProperty("id").GetGuid());
        Assert.That(chain, Is.EqualTo(new[] { originalId, retryId }));
        await session.WaitForCloneRemovedAsync(await session.CloneOfAsync(retried.GetProperty("awx_job_id").GetInt64()));
    }

    [Test]
    public async Task A_workflow_is_not_relaunched_by_failed_hosts()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(14, new JsonObject());
        await session.WaitForTerminalAsync(executionId);

        using var response = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/relaunch", """{"hosts": "failed"}""");
        Assert.That(await WorkflowSession.DetailAsync(response, HttpStatusCode.UnprocessableEntity), Does.Contain("from_node"));
    }

    /// <summary>publish → apply → verify, each running the synthetic job template; apply always fails.</summary>
    private static async Task<int> CreateWorkflowAsync(WorkflowSession session)
    {
        var template = await CreateAsync(session, "api/v2/workflow_job_templates/", new JsonObject { ["name"] = $"Retry {Guid.NewGuid():N}" });
        var publish = await CreateAsync(session, $"api/v2/workflow_job_templates/{template}/workflow_nodes/", Node("publish", failedHosts: 0));
        var apply = await CreateAsync(session, $"api/v2/workflow_job_template_nodes/{publish}/success_nodes/", Node("apply", failedHosts: 1));
        await CreateAsync(session, $"api/v2/workflow_job_template_nodes/{apply}/success_nodes/", Node("verify", failedHosts: 0));
        return template;
    }

    private static JsonObject Node(string identifier, int failedHosts) => new()
    {
        ["unified_job_template"] = 1,
        ["identifier"] = identifier,
        ["extra_data"] = new JsonObject
        {
            ["emulator_events"] = 30,
            ["emulator_hosts"] = 2,
            ["emulator_events_per_second"] = 0,
            ["emulator_failed_hosts"] = failedHosts,
        },
    };

    private static async Task<int> CreateAsync(WorkflowSession session, string path, JsonObject body)
    {
        using var response = await session.Awx.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32();
    }
}
