using System.Net;
using System.Text.Json.Nodes;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>A workflow execution canceled while its approval waits, and one whose template AWX does not have.</summary>
public sealed class CancelWorkflowTests
{
    [Test]
    public async Task Cancel_of_a_running_workflow_cancels_its_AWX_workflow_job()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(12, new JsonObject());
        var approval = await session.WaitForNodeAsync(executionId,
            node => node.GetProperty("kind").GetString() == "approval" && node.GetProperty("state").GetString() == "waiting",
            "the approval to wait, so the workflow runs");

        using (var cancel = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/cancel"))
        {
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await cancel.Content.ReadAsStringAsync());
        }

        var execution = await session.WaitForTerminalAsync(executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        var workflowJob = await session.AwxAsync($"api/v2/workflow_jobs/{execution.GetProperty("awx_job_id").GetInt64()}/");
        Assert.That(workflowJob.GetProperty("status").GetString(), Is.EqualTo("canceled"), "AWX canceled the workflow job");
        var nodes = await session.NodesByIdentifierAsync(executionId);
        Assert.That(nodes["approval"].GetProperty("state").GetString(), Is.EqualTo("canceled"), $"approval node {approval.GetProperty("id")} was canceled with its workflow");
        Assert.That(nodes["apply"].GetProperty("state").GetString(), Is.EqualTo("skipped"));
        await session.WaitForCloneRemovedAsync(await session.CloneOfAsync(workflowJob.GetProperty("id").GetInt64()));
    }

    [Test]
    public async Task A_workflow_template_AWX_does_not_have_leaves_the_execution_in_error_and_no_clone()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(9_999, new JsonObject());

        var execution = await session.WaitForTerminalAsync(executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(execution.GetProperty("status_explanation").GetString(), Does.Contain("Workflow job template 9999 could not be read"));
        var templates = (await session.AwxAsync("api/v2/workflow_job_templates/?page_size=200")).GetProperty("results").EnumerateArray();
        Assert.That(templates.Select(template => template.GetProperty("name").GetString()), Has.None.Contains(executionId.ToString()),
            "nothing was copied");
    }
}
