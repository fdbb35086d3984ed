using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Contracts;
using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>The workflow view: the graph, its steps, each node's output and artifacts, and approvals.</summary>
public sealed class WorkflowViewTests : BrowserTest
{
    private const long PlanJob = 7_101;
    private const long ApprovalNode = 2;
    private const long ApprovalId = 77;

    /// <summary>The emulator's built-in approval workflow: prepare, then an approval named for its template, then apply.</summary>
    private const int ApprovalWorkflow = 12;

    [Test]
    public async Task A_workflow_approval_approved_from_the_page_lets_the_workflow_finish()
    {
        using var launch = await Gateway.PostAsJsonAsync("/api/v1/executions", new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["template"] = new JsonObject { ["kind"] = "workflow", ["id"] = ApprovalWorkflow, ["name"] = "Workflow: approval" },
            ["extra_vars"] = new JsonObject(),
            ["credentials"] = new JsonArray(),
        });
        var executionId = JsonDocument.Parse(await launch.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("id").GetGuid();
        await OpenAsync($"/executions/{executionId}");
        var approval = Page.Locator("g[data-node][data-state='waiting']").Filter(new() { HasText = "Approve the change" });
        await approval.ClickAsync();

        await Page.GetByLabel("Comment").FillAsync("Checked the plan: go.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Assertions.Expect(Page.Locator("main[data-status]")).ToHaveAttributeAsync("data-status", "successful");
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByText("Checked the plan: go.")).ToBeVisibleAsync();
        var workflow = await Gateway.GetFromJsonAsync<JsonElement>($"/api/v1/executions/{executionId}/workflow");
        Assert.That(
            workflow.GetProperty("data").GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("state").GetString()),
            Is.All.EqualTo("successful"));
    }

    /// <summary>
    /// The page gets seed 004's workflow, paused at its approval, from a route the test answers. The rest is real: the execution runs (its AWX job is a slow synthetic job the poller streams),
    /// and the Plan node's output is stored. This draws the view and checks the approval call the page makes.
    /// </summary>
    [Test]
    public async Task The_workflow_view_draws_states_and_edge_types_and_sends_an_approval_with_its_comment()
    {
        using var awx = Pipeline.Awx.CreateClient();
        var workflowJob = await LaunchSlowAwxJobAsync(awx);
        var executionId = await new StoredExecutions(Pipeline.Storage).CreateAsync(
            new TemplateReference { Kind = TemplateKind.Workflow, Id = 5, Name = "production-deploy" },
            workflowJob,
            [
                new JobEventDraft("playbook_on_start", "", JobId: PlanJob),
                new JobEventDraft("playbook_on_task_start", "\r\nTASK [terraform plan] ****************************", JobId: PlanJob),
                new JobEventDraft("runner_on_ok", "\u001b[0;33mchanged: [localhost] => Plan: 3 to add, 1 to change, 0 to destroy.\u001b[0m", "localhost", PlanJob),
            ],
            endedAs: null);
        var start = DateTimeOffset.UtcNow.AddMinutes(-3);
        var approved = false;
        var decisions = new List<JsonElement>();
        await Page.RouteAsync($"**/api/v1/executions/{executionId}/workflow", route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = Workflow(approved, start).ToJsonString() }));
        await Page.RouteAsync($"**/api/v1/executions/{executionId}/approvals/*/approve", route =>
        {
            decisions.Add(JsonDocument.Parse(route.Request.PostData ?? "null").RootElement.Clone());
            approved = route.Request.Url.EndsWith($"/approvals/{ApprovalId}/approve", StringComparison.Ordinal);
            return route.FulfillAsync(new() { Status = 202, ContentType = "application/json", Body = "{}" });
        });

        await OpenAsync($"/executions/{executionId}");
        var graph = Page.GetByTestId("workflow");
        await Assertions.Expect(graph.Locator("g[data-node]")).ToHaveCountAsync(5);
        await Assertions.Expect(graph.Locator("g[data-node='1']")).ToHaveAttributeAsync("data-state", "successful");
        await Assertions.Expect(graph.Locator("g[data-node='4']")).ToHaveAttributeAsync("data-state", "skipped");
        var edgeTypes = await graph.Locator("path.edge").EvaluateAllAsync<string[]>("edges => edges.map(edge => edge.dataset.edge + ':' + edge.dataset.type)");
        Assert.That(edgeTypes, Is.EquivalentTo(new[] { "1-2:success", "1-4:failure", "2-3:success", "3-5:always" }));

        await graph.Locator("g[data-node='1']").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("artifacts")).ToContainTextAsync("\"vpc_id\": \"vpc-12345\"");
        await Assertions.Expect(Page.GetByTestId("node-details").Locator("[data-line]").Last).ToContainTextAsync("Plan: 3 to add");

        await graph.Locator($"g[data-node='{ApprovalNode}']").ClickAsync();
        await Page.SetViewportSizeAsync(1440, 1320);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("workflow.png") });
        await Page.GetByLabel("Comment").FillAsync("Plan reviewed: 3 to add, 1 to change.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(graph.Locator($"g[data-node='{ApprovalNode}']")).ToHaveAttributeAsync("data-state", "successful");
        Assert.That(decisions.Select(decision => decision.GetProperty("comment").GetString()), Is.EqualTo(new[] { "Plan reviewed: 3 to add, 1 to change." }));
        using var cancel = await awx.PostAsync($"/api/v2/jobs/{workflowJob}/cancel/", null);
    }

    /// <summary>A synthetic job that runs for minutes, launched straight at the AWX emulator.</summary>
    private static async Task<long> LaunchSlowAwxJobAsync(HttpClient awx)
    {
        using var response = await awx.PostAsJsonAsync("/api/v2/job_templates/1/launch/", new JsonObject
        {
            ["extra_vars"] = new JsonObject { ["emulator_events"] = 600, ["emulator_hosts"] = 2, ["emulator_events_per_second"] = 4 },
        });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("job").GetInt64();
    }

    /// <summary>The frame's <c>GET /api/v1/executions/{id}/workflow</c>: seed 004's deploy, paused at its approval.</summary>
    private static JsonObject Workflow(bool approved, DateTimeOffset start) => new()
    {
        ["data"] = new JsonObject
        {
            ["nodes"] = new JsonArray(
                Node(1, "Plan", "job", "successful", PlanJob, Time(start), Time(start.AddSeconds(12)),
                    new JsonObject { ["plan"] = new JsonObject { ["add"] = 3, ["change"] = 1, ["destroy"] = 0 }, ["apply"] = new JsonObject { ["vpc_id"] = "vpc-12345" } }),
                Node(ApprovalNode, "Approval", "approval", approved ? "successful" : "waiting", null, Time(start.AddSeconds(12)), approved ? Time(DateTimeOffset.UtcNow) : null, null,
                    new JsonObject { ["id"] = ApprovalId, ["status"] = approved ? "successful" : "pending", ["description"] = "Apply the plan to production?" }),
                Node(3, "Apply", "job", approved ? "running" : "pending", approved ? 7_103 : null, approved ? Time(DateTimeOffset.UtcNow) : null, null, null),
                Node(4, "Rollback", "job", "skipped", null, null, null, null),
                Node(5, "Notify", "job", "pending", null, null, null, null)),
            ["edges"] = new JsonArray(Edge(1, 2, "success"), Edge(1, 4, "failure"), Edge(2, 3, "success"), Edge(3, 5, "always")),
        },
    };

    private static JsonObject Node(long id, string name, string kind, string state, long? jobId, string? started, string? finished, JsonObject? artifacts, JsonObject? approval = null) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["kind"] = kind,
        ["state"] = state,
        ["job_id"] = jobId,
        ["started_at"] = started,
        ["finished_at"] = finished,
        ["artifacts"] = artifacts,
        ["approval"] = approval,
    };

    private static string Time(DateTimeOffset time) => time.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Edge(long from, long to, string type) => new() { ["from"] = from, ["to"] = to, ["type"] = type };
}
