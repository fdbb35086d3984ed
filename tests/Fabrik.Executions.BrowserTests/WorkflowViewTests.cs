using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The workflow view on the emulator's built-in workflows: the graph, its steps, each node's output and artifacts, and approvals.</summary>
public sealed class WorkflowViewTests : BrowserTest
{
    private const int FailureAndAlwaysBranches = 10;
    private const int ApprovalWorkflow = 12;

    [Test]
    public async Task A_workflow_approval_approved_from_the_page_lets_the_workflow_finish()
    {
        var executionId = await LaunchWorkflowAsync(ApprovalWorkflow, "Workflow: approval");
        await OpenAsync($"/executions/{executionId}");
        var graph = Page.GetByTestId("workflow");
        var approval = Node(graph, "approval");
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-state", "waiting");
        await Assertions.Expect(Node(graph, "prepare")).ToHaveAttributeAsync("data-state", "successful");
        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "running");
        await approval.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("approval-timeout")).ToHaveTextAsync("Waits until someone decides.");
        await Page.SetViewportSizeAsync(1440, 1320);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("workflow.png") });

        await Page.GetByLabel("Comment").FillAsync("Checked the plan: go.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "successful");
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-state", "successful");
        await Assertions.Expect(Page.GetByText("Approved by browser-operator: “Checked the plan: go.”")).ToBeVisibleAsync();
        var nodes = (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(nodes.Select(node => node.GetProperty("state").GetString()), Is.All.EqualTo("successful"));
        var decided = nodes.Single(node => node.GetProperty("kind").GetString() == "approval").GetProperty("approval");
        Assert.That(decided.GetProperty("comment").GetString(), Is.EqualTo("Checked the plan: go."));

        using var second = await Gateway.PostAsJsonAsync(
            $"/api/v1/executions/{executionId}/approvals/{decided.GetProperty("id").GetInt64()}/deny", new JsonObject { ["comment"] = "too late" });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await second.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_workflow_view_draws_each_node_state_and_edge_type_and_shows_a_node_output_and_artifacts()
    {
        var executionId = await LaunchWorkflowAsync(FailureAndAlwaysBranches, "Workflow: failure and always branches");
        await OpenAsync($"/executions/{executionId}");
        var graph = Page.GetByTestId("workflow");

        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "successful");
        await Assertions.Expect(Node(graph, "deploy")).ToHaveAttributeAsync("data-state", "failed");
        await Assertions.Expect(Node(graph, "announce")).ToHaveAttributeAsync("data-state", "skipped");
        await Assertions.Expect(Node(graph, "rollback")).ToHaveAttributeAsync("data-state", "successful");
        await Assertions.Expect(Node(graph, "report")).ToHaveAttributeAsync("data-state", "successful");
        var ids = (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray()
            .ToDictionary(node => node.GetProperty("name").GetString()!, node => node.GetProperty("id").GetInt64());
        var edges = await graph.Locator("path.edge").EvaluateAllAsync<string[]>("edges => edges.map(edge => edge.dataset.edge + ':' + edge.dataset.type)");
        Assert.That(edges, Is.EquivalentTo(new[]
        {
            $"{ids["deploy"]}-{ids["announce"]}:success", $"{ids["deploy"]}-{ids["rollback"]}:failure", $"{ids["deploy"]}-{ids["report"]}:always",
        }));

        var terminal = new TerminalOnScreen(Page);
        await Node(graph, "deploy").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Retry from here" })).ToBeVisibleAsync();
        var deployOutput = await terminal.ReadAllAsync();
        await Node(graph, "rollback").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("artifacts")).ToContainTextAsync("\"row_results\"");
        var rollbackOutput = await terminal.ReadAllAsync();

        Assert.That(deployOutput.Lines, Has.Some.StartsWith("fatal: [leaf-102.lab]: FAILED!"), "the failed node's own output");
        Assert.That(rollbackOutput.Lines, Has.None.Contains("fatal:"), "the rollback node's output alone, not the deploy's");
        Assert.That(rollbackOutput.Lines, Has.Some.Contains("PLAY RECAP"));
    }

    private static ILocator Node(ILocator graph, string name) =>
        graph.Locator("g[data-node]").Filter(new() { Has = graph.Page.Locator($"text.node__name:text-is('{name}')") });

    private async Task<Guid> LaunchWorkflowAsync(int templateId, string name)
    {
        using var response = await Gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "workflow", ["id"] = templateId, ["name"] = name },
            ["extra_vars"] = new JsonObject(),
            ["credentials"] = new JsonArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> WorkflowAsync(Guid executionId) =>
        (await Gateway.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/workflow")).GetProperty("data");
}
