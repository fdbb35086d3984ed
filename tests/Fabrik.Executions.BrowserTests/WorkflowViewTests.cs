using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// The workflow view on the emulator's built-in workflows: the graph, its steps, each node's output and artifacts,
/// approvals decided from the page, retry from a failed node, and what a viewer may not do.
/// </summary>
public sealed class WorkflowViewTests : BrowserTest
{
    private const int FailureAndAlwaysBranches = 10;
    private const int ApprovalWorkflow = 12;

    /// <summary>The buttons an operator gets on a workflow node and a viewer does not.</summary>
    private static readonly Regex Decisions = new("^(Approve|Deny|Retry from here)$");

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
    public async Task A_viewer_gets_no_decision_buttons_and_an_approval_denied_from_the_page_fails_the_workflow()
    {
        var executionId = await LaunchWorkflowAsync(ApprovalWorkflow, "Workflow: approval");
        await OpenAsync($"/executions/{executionId}", BrowserPipeline.ViewerKey);
        var approval = Node(Page.GetByTestId("workflow"), "approval");
        var details = Page.GetByTestId("node-details");
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-state", "waiting");
        await approval.ClickAsync();
        await Assertions.Expect(details).ToContainTextAsync("Waiting for an operator's approval.");
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { NameRegex = Decisions })).ToHaveCountAsync(0);

        await OpenFromMonitorAsync(executionId, BrowserPipeline.OperatorKey);
        await approval.ClickAsync();
        await Page.GetByLabel("Comment").FillAsync("Not during the change freeze.");
        await details.GetByRole(AriaRole.Button, new() { Name = "Deny", Exact = true }).ClickAsync();

        await Assertions.Expect(approval).ToHaveAttributeAsync("data-state", "failed");
        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "failed");
        await Assertions.Expect(details).ToContainTextAsync("Denied by browser-operator: “Not during the change freeze.”");
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { Name = "Retry from here" })).ToBeVisibleAsync();
        var decided = (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray()
            .Single(node => node.GetProperty("kind").GetString() == "approval").GetProperty("approval");
        Assert.That(decided.GetProperty("decided_by").GetString(), Is.EqualTo("browser-operator"));
        Assert.That(decided.GetProperty("comment").GetString(), Is.EqualTo("Not during the change freeze."));

        await OpenFromMonitorAsync(executionId, BrowserPipeline.ViewerKey);
        await approval.ClickAsync();
        await Assertions.Expect(details).ToContainTextAsync("Denied by browser-operator");
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { NameRegex = Decisions })).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("footer .actions button")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task The_workflow_view_draws_node_states_durations_and_edge_types_shows_a_node_output_and_artifacts_and_retries_a_failed_node()
    {
        var executionId = await LaunchWorkflowAsync(FailureAndAlwaysBranches, "Workflow: failure and always branches");
        await OpenAsync($"/executions/{executionId}");
        var graph = Page.GetByTestId("workflow");

        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "successful");
        await Assertions.Expect(Node(graph, "deploy")).ToHaveAttributeAsync("data-state", "failed");
        await Assertions.Expect(Node(graph, "announce")).ToHaveAttributeAsync("data-state", "skipped");
        await Assertions.Expect(Node(graph, "rollback")).ToHaveAttributeAsync("data-state", "successful");
        await Assertions.Expect(Node(graph, "report")).ToHaveAttributeAsync("data-state", "successful");
        var nodes = (await WorkflowAsync(executionId)).GetProperty("nodes").EnumerateArray().ToList();
        var ids = nodes.ToDictionary(node => node.GetProperty("name").GetString()!, node => node.GetProperty("id").GetInt64());
        foreach (var node in nodes)
        {
            var (id, state, duration) = (node.GetProperty("id").GetInt64(), node.GetProperty("state").GetString(), ShownDuration.Of(SecondsRun(node)));
            await Assertions.Expect(Page.Locator($"[data-testid=workflow-steps] tr[data-step='{id}'] td").Nth(3)).ToHaveTextAsync(duration);
            await Assertions.Expect(graph.Locator($"g[data-node='{id}'] text.node__meta")).ToHaveTextAsync(
                state == "skipped" ? state : $"{state} · {duration}");
        }

        var footer = Page.Locator("footer .actions");
        await Assertions.Expect(footer.GetByRole(AriaRole.Button, new() { Name = "Relaunch all hosts" })).ToBeVisibleAsync();
        await Assertions.Expect(footer.GetByRole(AriaRole.Button, new() { Name = "Relaunch failed hosts" })).ToHaveCountAsync(0);
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
        Assert.That(nodes.Where(node => node.GetProperty("state").GetString() != "skipped").Select(SecondsRun), Is.All.Not.Null, "every node that ran has a duration");

        await Node(graph, "deploy").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Retry from here" }).ClickAsync();
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Uri(Pipeline.GatewayUrl, $"/executions/{executionId}").ToString());
        var retryId = Guid.Parse(Page.Url.Split('/').Last());
        await Assertions.Expect(Page.Locator($"main[data-execution='{retryId}']")).ToHaveAttributeAsync("data-status", "successful");
        var retry = await SyntheticJobs.GetAsync(Gateway, retryId);
        Assert.That(retry.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(executionId));
    }

    /// <summary>How long a node ran, as the page works it out: AWX's elapsed time, else from its start to its end.</summary>
    private static double? SecondsRun(JsonElement node) =>
        node.GetProperty("elapsed_seconds") is { ValueKind: JsonValueKind.Number } elapsed ? elapsed.GetDouble()
        : node.GetProperty("started_at") is { ValueKind: JsonValueKind.String } started && node.GetProperty("finished_at") is { ValueKind: JsonValueKind.String } finished
            ? (finished.GetDateTimeOffset() - started.GetDateTimeOffset()).TotalSeconds
            : null;

    /// <summary>Opens the execution from the monitor's list: a page loaded afresh, signed in with <paramref name="key"/>.</summary>
    private async Task OpenFromMonitorAsync(Guid executionId, string key)
    {
        await OpenAsync("/", key);
        await Page.Locator($"tr[data-execution='{executionId}'] a").ClickAsync();
        await Assertions.Expect(Page.Locator($"main[data-execution='{executionId}']")).ToBeVisibleAsync();
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
