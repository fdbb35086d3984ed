using System.Net;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

/// <summary>The workflow resources carry every key the recorded AWX payloads carry.</summary>
public sealed class WorkflowShapeTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task Workflow_job_templates_have_every_key_of_the_awx_sample()
    {
        var detail = await Api.GetAsync("/api/v2/workflow_job_templates/10/");
        var list = await Api.GetAsync("/api/v2/workflow_job_templates/");

        Assert.That(Keys(detail), Is.SupersetOf(AwxSampleKeys.WorkflowJobTemplate));
        Assert.That(Keys(detail.GetProperty("related")), Is.SupersetOf(AwxSampleKeys.WorkflowJobTemplateRelated));
        Assert.That(Keys(detail.GetProperty("summary_fields")), Is.SupersetOf(AwxSampleKeys.WorkflowJobTemplateSummaryFields));
        Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("workflow_job_template"));
        Assert.That(list.GetProperty("results").EnumerateArray().Select(template => template.GetProperty("id").GetInt32()),
            Is.SupersetOf(new[] { 10, 11, 12, 13, 14 }));
    }

    [Test]
    public async Task Workflow_approvals_have_every_key_of_the_awx_sample_and_launch_answers_like_AWX()
    {
        var (status, launch) = await Api.SendAsync(HttpMethod.Post, "/api/v2/workflow_job_templates/12/launch/",
            new { extra_vars = new { change = "CHG-2" }, limit = "leaf-101.lab" });
        var workflowJobId = launch.GetProperty("workflow_job").GetInt32();
        var nodes = await Workflows.WaitForNodesAsync(workflowJobId, found => WorkflowApi.JobStatus(found["approval"]) == "pending", "the approval to wait");
        var approvalId = WorkflowApi.JobId(nodes["approval"]);
        var approval = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");
        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_jobs/{workflowJobId}/cancel/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(Keys(launch).Take(2), Is.EqualTo(new[] { "workflow_job", "ignored_fields" }));
        Assert.That(launch.GetProperty("ignored_fields").GetProperty("limit").GetString(), Is.EqualTo("leaf-101.lab"));
        Assert.That(launch.GetProperty("type").GetString(), Is.EqualTo("workflow_job"));
        Assert.That(JsonDocument.Parse(launch.GetProperty("extra_vars").GetString()!).RootElement.GetProperty("change").GetString(), Is.EqualTo("CHG-2"));
        Assert.That(Keys(approval), Is.SupersetOf(AwxSampleKeys.WorkflowApproval));
        Assert.That(Keys(approval.GetProperty("summary_fields")), Is.SupersetOf(AwxSampleKeys.WorkflowApprovalSummaryFields));
        Assert.That(approval.GetProperty("type").GetString(), Is.EqualTo("workflow_approval"));
        Assert.That(approval.GetProperty("summary_fields").GetProperty("workflow_approval_template").GetProperty("id").GetInt32(), Is.EqualTo(20));
    }

    [Test]
    public async Task Workflow_job_nodes_carry_their_job_summary_and_edges()
    {
        var workflowJobId = await Workflows.LaunchAsync(10);
        await Workflows.WaitUntilOverAsync(workflowJobId);

        var deploy = (await Workflows.NodesAsync(workflowJobId))["deploy"];
        var job = deploy.GetProperty("summary_fields").GetProperty("job");
        var spawned = await Api.JobAsync(WorkflowApi.JobId(deploy));

        Assert.That(deploy.GetProperty("type").GetString(), Is.EqualTo("workflow_job_node"));
        Assert.That(deploy.GetProperty("workflow_job").GetInt32(), Is.EqualTo(workflowJobId));
        Assert.That(deploy.GetProperty("unified_job_template").GetInt32(), Is.EqualTo(1));
        Assert.That(Keys(job), Is.SupersetOf(new[] { "id", "name", "description", "status", "failed", "elapsed", "type" }));
        Assert.That(job.GetProperty("failed").GetBoolean(), Is.True);
        Assert.That(job.GetProperty("elapsed").GetDouble(), Is.EqualTo(spawned.GetProperty("elapsed").GetDouble()));
        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo(spawned.GetProperty("status").GetString()));
        Assert.That(new[] { "success_nodes", "failure_nodes", "always_nodes" }.Select(edge => deploy.GetProperty(edge).GetArrayLength()),
            Is.EqualTo(new[] { 1, 1, 1 }));
    }

    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(property => property.Name);
}
