using System.Net;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowApprovalTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task An_approved_approval_lets_the_workflow_go_on()
    {
        var (workflowJobId, approvalId) = await LaunchUntilApprovalWaitsAsync(12);
        var pending = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");

        var (status, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_approvals/{approvalId}/approve/");
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var approval = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");
        var nodes = await Workflows.NodesAsync(workflowJobId);

        Assert.That(WorkflowApi.Status(pending), Is.EqualTo("pending"));
        Assert.That(pending.GetProperty("can_approve_or_deny").GetBoolean(), Is.True);
        Assert.That(pending.GetProperty("name").GetString(), Is.EqualTo("Approve the change"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(WorkflowApi.Status(approval), Is.EqualTo("successful"));
        Assert.That(approval.GetProperty("can_approve_or_deny").GetBoolean(), Is.False);
        Assert.That(approval.GetProperty("summary_fields").GetProperty("approved_or_denied_by").GetProperty("username").GetString(), Is.EqualTo("admin"));
        Assert.That(WorkflowApi.JobStatus(nodes["apply"]), Is.EqualTo("successful"));
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("successful"));
    }

    [Test]
    public async Task A_denied_approval_fails_the_workflow_and_a_second_decision_is_refused_as_AWX_does()
    {
        var (workflowJobId, approvalId) = await LaunchUntilApprovalWaitsAsync(12);

        var (denied, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_approvals/{approvalId}/deny/");
        var (again, refusal) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_approvals/{approvalId}/approve/");
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var approval = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");
        var nodes = await Workflows.NodesAsync(workflowJobId);

        Assert.That(denied, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(refusal.GetProperty("error").GetString(), Is.EqualTo("This workflow step has already been approved or denied."));
        Assert.That(WorkflowApi.Status(approval), Is.EqualTo("failed"));
        Assert.That(approval.GetProperty("timed_out").GetBoolean(), Is.False);
        Assert.That(WorkflowApi.DoNotRun(nodes["apply"]), Is.True);
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("failed"));
    }

    [Test]
    public async Task An_approval_that_times_out_fails_with_timed_out_and_AWXs_explanation()
    {
        var template = await Workflows.CreateTemplateAsync("approval with a timeout");
        var gate = await Workflows.AddNodeAsync(template, "gate", extraData: new { });
        var (created, approvalTemplate) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{gate}/create_approval_template/",
            new { name = "Quick gate", description = "times out", timeout = 1 });
        var node = await Api.GetAsync($"/api/v2/workflow_job_template_nodes/{gate}/");

        var (workflowJobId, approvalId) = await LaunchUntilApprovalWaitsAsync(template);
        var waiting = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var approval = await Api.GetAsync($"/api/v2/workflow_approvals/{approvalId}/");
        var (late, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_approvals/{approvalId}/approve/");

        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(node.GetProperty("unified_job_template").GetInt32(), Is.EqualTo(approvalTemplate.GetProperty("id").GetInt32()));
        Assert.That(node.GetProperty("summary_fields").GetProperty("unified_job_template").GetProperty("timeout").GetInt32(), Is.EqualTo(1));
        Assert.That(waiting.GetProperty("approval_expiration").GetDateTimeOffset(),
            Is.EqualTo(waiting.GetProperty("created").GetDateTimeOffset().AddSeconds(1)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(WorkflowApi.Status(approval), Is.EqualTo("failed"));
        Assert.That(approval.GetProperty("timed_out").GetBoolean(), Is.True);
        Assert.That(approval.GetProperty("approval_expiration").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(approval.GetProperty("job_explanation").GetString(), Is.EqualTo($"The approval node Quick gate ({approvalId}) has expired after 1 seconds."));
        Assert.That(late, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("failed"));
    }

    [Test]
    public async Task The_approval_list_filters_by_the_workflow_job_that_holds_the_node()
    {
        var (first, firstApproval) = await LaunchUntilApprovalWaitsAsync(12);
        var (second, _) = await LaunchUntilApprovalWaitsAsync(12);

        var page = await Api.GetAsync($"/api/v2/workflow_approvals/?unified_job_node__workflow_job={first}");
        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_approvals/{firstApproval}/approve/");
        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_jobs/{second}/cancel/");

        Assert.That(page.GetProperty("count").GetInt32(), Is.EqualTo(1));
        var listed = page.GetProperty("results")[0];
        Assert.That(listed.GetProperty("id").GetInt32(), Is.EqualTo(firstApproval));
        Assert.That(listed.GetProperty("summary_fields").GetProperty("source_workflow_job").GetProperty("id").GetInt32(), Is.EqualTo(first));
        Assert.That(listed.GetProperty("launch_type").GetString(), Is.EqualTo("workflow"));
    }

    private async Task<(int WorkflowJobId, int ApprovalId)> LaunchUntilApprovalWaitsAsync(int templateId)
    {
        var workflowJobId = await Workflows.LaunchAsync(templateId);
        var nodes = await Workflows.WaitForNodesAsync(workflowJobId,
            found => found.Values.Any(node => node.GetProperty("summary_fields").TryGetProperty("job", out var job)
                && job.GetProperty("type").GetString() == "workflow_approval"),
            "an approval to wait");
        var approvalNode = nodes.Values.Single(node => node.GetProperty("summary_fields").GetProperty("unified_job_template")
            .GetProperty("unified_job_type").GetString() == "workflow_approval");
        return (workflowJobId, WorkflowApi.JobId(approvalNode));
    }
}
