using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>
/// The built-in approval workflow (prepare → approval → apply): the waiting approval is announced with what it asks,
/// an operator's decision reaches AWX with who made it, a second decision is 409, and a viewer may not decide.
/// </summary>
public sealed class ApprovalTests
{
    private const int ApprovalWorkflow = 12;

    [Test]
    public async Task An_approved_approval_lets_the_workflow_go_on_and_a_second_decision_is_refused()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(ApprovalWorkflow, new JsonObject());
        await using var watcher = await WorkflowWatcher.WatchAsync(session.Pipeline, executionId);
        var approvalId = await WaitForPendingApprovalAsync(session, executionId);
        var waiting = await session.NodesByIdentifierAsync(executionId);
        Assert.That(waiting["prepare"].GetProperty("state").GetString(), Is.EqualTo("successful"), "the node before the approval ran");
        Assert.That((await session.GetAsync($"/api/v1/executions/{executionId}")).GetProperty("status").GetString(), Is.EqualTo("running"),
            "a workflow waiting for an approval is running, as AWX says");

        using (var byViewer = await session.PostAsync(session.Viewer, $"/api/v1/executions/{executionId}/approvals/{approvalId}/approve", "{}"))
        {
            Assert.That(byViewer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a viewer may not decide");
        }

        using (var approve = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/approvals/{approvalId}/approve", """{"comment": "ship it"}"""))
        {
            var decided = await WorkflowSession.DataAsync(approve, HttpStatusCode.OK);
            Assert.That(decided.GetProperty("decided_by").GetString(), Is.EqualTo(session.OperatorName));
            Assert.That(decided.GetProperty("comment").GetString(), Is.EqualTo("ship it"));
        }

        using (var second = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/approvals/{approvalId}/deny", """{"comment": "no"}"""))
        {
            Assert.That(await WorkflowSession.DetailAsync(second, HttpStatusCode.Conflict), Does.Contain($"already decided by {session.OperatorName}"));
        }

        var execution = await session.WaitForTerminalAsync(executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("successful"));
        var nodes = await WaitForDecisionStoredAsync(session, executionId);
        Assert.That(nodes["approval"].GetProperty("state").GetString(), Is.EqualTo("successful"));
        Assert.That(nodes["approval"].GetProperty("approval").GetProperty("status").GetString(), Is.EqualTo("successful"));
        Assert.That(nodes["apply"].GetProperty("state").GetString(), Is.EqualTo("successful"), "the node after the approval ran");
        var awxApproval = await session.AwxAsync($"api/v2/workflow_approvals/{approvalId}/");
        Assert.That(awxApproval.GetProperty("status").GetString(), Is.EqualTo("successful"), "AWX has the approval");

        var announced = watcher.NodeChanges.First(change => change.GetProperty("kind").GetString() == "approval"
                                                            && change.GetProperty("approval").ValueKind == JsonValueKind.Object);
        Assert.That(announced.GetProperty("approval").GetProperty("approval_id").GetInt64(), Is.EqualTo(approvalId));
        Assert.That(announced.GetProperty("approval").GetProperty("name").GetString(), Is.EqualTo(awxApproval.GetProperty("name").GetString()));
        Assert.That(announced.GetProperty("approval").GetProperty("description").GetString(), Is.EqualTo(awxApproval.GetProperty("description").GetString()));
        Assert.That(announced.GetProperty("approval").GetProperty("timeout_seconds").GetInt32(),
            Is.EqualTo(awxApproval.GetProperty("summary_fields").GetProperty("workflow_approval_template").GetProperty("timeout").GetInt32()));
        await session.WaitForCloneRemovedAsync(await session.CloneOfAsync(execution.GetProperty("awx_job_id").GetInt64()));
    }

    [Test]
    public async Task A_denied_approval_fails_the_workflow_and_skips_what_follows()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        var executionId = await session.LaunchAsync(ApprovalWorkflow, new JsonObject());
        var approvalId = await WaitForPendingApprovalAsync(session, executionId);

        using (var deny = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/approvals/{approvalId}/deny", """{"comment": "not today"}"""))
        {
            Assert.That((await WorkflowSession.DataAsync(deny, HttpStatusCode.OK)).GetProperty("decided_by").GetString(), Is.EqualTo(session.OperatorName));
        }

        var execution = await session.WaitForTerminalAsync(executionId);
        Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("failed"), "a denial with no failure path fails the workflow, as in AWX");
        var nodes = await WaitForDecisionStoredAsync(session, executionId);
        Assert.That(nodes["approval"].GetProperty("state").GetString(), Is.EqualTo("failed"));
        Assert.That(nodes["approval"].GetProperty("approval").GetProperty("comment").GetString(), Is.EqualTo("not today"));
        Assert.That(nodes["apply"].GetProperty("state").GetString(), Is.EqualTo("skipped"));

        using var late = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/approvals/{approvalId}/approve", "{}");
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a decided approval is not decided again");
    }

    [Test]
    public async Task Deciding_an_approval_the_execution_does_not_have_is_404()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        using var response = await session.PostAsync(session.Gateway, $"/api/v1/executions/{Guid.NewGuid()}/approvals/5/approve", "{}");
        Assert.That(await WorkflowSession.DetailAsync(response, HttpStatusCode.NotFound), Does.Contain("does not exist"));
    }

    private static async Task<long> WaitForPendingApprovalAsync(WorkflowSession session, Guid executionId)
    {
        var node = await session.WaitForNodeAsync(executionId,
            node => node.GetProperty("kind").GetString() == "approval" && node.GetProperty("approval").ValueKind == JsonValueKind.Object
                    && node.GetProperty("approval").GetProperty("status").GetString() == "pending",
            $"execution {executionId}'s approval to wait for a decision");
        Assert.That(node.GetProperty("state").GetString(), Is.EqualTo("waiting"));
        return node.GetProperty("approval").GetProperty("id").GetInt64();
    }

    private static async Task<Dictionary<string, JsonElement>> WaitForDecisionStoredAsync(WorkflowSession session, Guid executionId)
    {
        var nodes = new Dictionary<string, JsonElement>();
        await Eventually.TrueAsync(async () =>
        {
            nodes = await session.NodesByIdentifierAsync(executionId);
            return nodes.TryGetValue("approval", out var approval) && approval.GetProperty("approval").GetProperty("status").GetString() != "pending";
        }, "the approval's outcome to be stored", WorkflowSession.Deadline);
        return nodes;
    }
}
