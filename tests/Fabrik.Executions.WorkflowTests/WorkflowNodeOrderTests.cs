using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.WorkflowTests;

/// <summary>What a reader sees of a workflow while the poller stores a cycle's nodes: never a node ahead of the one it follows.</summary>
public sealed class WorkflowNodeOrderTests
{
    private const int ApprovalWorkflow = 12;

    [TearDown]
    public async Task ClearFaultsAsync() => (await SharedWorkflowPipeline.SessionAsync()).Pipeline.Awx.Faults = new FaultSettings();

    [Test]
    public async Task The_approval_is_never_seen_waiting_while_the_node_before_it_has_not_settled()
    {
        var session = await SharedWorkflowPipeline.SessionAsync();
        // Every AWX answer is slow, so a cycle takes long between storing one node and the next.
        session.Pipeline.Awx.Faults = new FaultSettings { LatencyMs = 400 };
        var executionId = await session.LaunchAsync(ApprovalWorkflow, new JsonObject());

        var seen = new Dictionary<string, JsonElement>();
        await Eventually.TrueAsync(async () =>
        {
            seen = await session.NodesByIdentifierAsync(executionId);
            return seen.TryGetValue("approval", out var approval) && approval.GetProperty("state").GetString() == "waiting";
        }, "the approval to wait", WorkflowSession.Deadline);

        var prepare = seen.TryGetValue("prepare", out var node) ? node.GetProperty("state").GetString() : "not stored yet";
        Assert.That(prepare, Is.EqualTo("successful"),
            "the first time the approval shows waiting, the node before it shows its end");

        session.Pipeline.Awx.Faults = new FaultSettings();
        var approvalId = seen["approval"].GetProperty("approval").GetProperty("id").GetInt64();
        using var approve = await session.PostAsync(session.Gateway, $"/api/v1/executions/{executionId}/approvals/{approvalId}/approve", "{}");
        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approve.Content.ReadAsStringAsync());
        Assert.That((await session.WaitForTerminalAsync(executionId)).GetProperty("status").GetString(), Is.EqualTo("successful"));
    }
}
