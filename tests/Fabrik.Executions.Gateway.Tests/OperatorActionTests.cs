using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Cancel, bulk cancel, relaunch and approval decisions over HTTP, against a Launcher whose answers each test scripts.</summary>
public sealed class OperatorActionTests
{
    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    private StandInOperatorLauncher Launcher => environment.OperatorLauncher;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Cancel_awx_is_asked_for_answers_202_with_the_execution_and_records_the_caller()
    {
        var id = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));

        using var response = await PostAsync(Http, $"/api/v1/executions/{id}/cancel", "{}");

        var execution = await DataOfAsync(response, HttpStatusCode.Accepted);
        Assert.That((execution.GetProperty("id").GetGuid(), execution.GetProperty("status").GetString()), Is.EqualTo((id, "running")));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/executions/{id}"));
        Assert.That(Launcher.Cancels.Single(command => command.ExecutionId == id).RequestedBy, Is.EqualTo(GatewayHost.OperatorName));
        Assert.That(await AuditCountAsync(id, "cancel", 202), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancel_of_an_execution_never_launched_answers_200_canceled_as_the_token_user()
    {
        var id = await SeedAsync("pending", StandInOperatorLauncher.Accepts(ExecutionStatus.Canceled));
        using var olivia = environment.Gateway.CreateClientWithToken(TestCaller.OperatorToken.Credential(environment.Tokens)!);

        using var response = await olivia.PostAsync(new Uri($"/api/v1/executions/{id}/cancel", UriKind.Relative), content: null);

        Assert.That((await DataOfAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(Launcher.Cancels.Single(command => command.ExecutionId == id).RequestedBy, Is.EqualTo(TestCallers.OperatorUser));
    }

    [TestCase(RejectionReason.Invalid, HttpStatusCode.BadRequest)]
    [TestCase(RejectionReason.NotFound, HttpStatusCode.NotFound)]
    [TestCase(RejectionReason.Conflict, HttpStatusCode.Conflict)]
    [TestCase(RejectionReason.Unprocessable, HttpStatusCode.UnprocessableEntity)]
    public async Task Actions_the_launcher_refuses_are_answered_with_its_status_and_reason(RejectionReason reason, HttpStatusCode expected)
    {
        var detail = $"Refused as {reason}: fix the underlying issue rather than relaunching.";
        var id = await SeedAsync("successful", StandInOperatorLauncher.Rejects(reason, detail));

        using var cancel = await PostAsync(Http, $"/api/v1/executions/{id}/cancel", null);
        using var relaunch = await PostAsync(Http, $"/api/v1/executions/{id}/relaunch", """{"hosts": "all"}""");
        using var approve = await PostAsync(Http, $"/api/v1/executions/{id}/approvals/7/approve", "{}");

        Assert.That((await Problems.ReadAsync(cancel, expected)).GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That((await Problems.ReadAsync(relaunch, expected)).GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That((await Problems.ReadAsync(approve, expected)).GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That(await AuditCountAsync(id, null, null), Is.Zero, "a refused action is not recorded");
    }

    [Test]
    public async Task Relaunch_answers_202_with_the_new_execution_of_the_same_request()
    {
        var id = await SeedAsync("failed", StandInOperatorLauncher.Relaunched());

        using var response = await PostAsync(Http, $"/api/v1/executions/{id}/relaunch", """{"hosts": "failed"}""");

        var relaunch = await DataOfAsync(response, HttpStatusCode.Accepted);
        var command = Launcher.Relaunches.Single(sent => sent.RelaunchOf == id);
        Assert.Multiple(() =>
        {
            Assert.That(relaunch.GetProperty("id").GetGuid(), Is.EqualTo(command.ExecutionId), "the id the Gateway proposed");
            Assert.That(command.ExecutionId.Version, Is.EqualTo(7));
            Assert.That((command.Hosts, command.RequestedBy), Is.EqualTo((RelaunchHosts.Failed, GatewayHost.OperatorName)));
            Assert.That(relaunch.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(id));
            Assert.That(relaunch.GetProperty("relaunch_count").GetInt32(), Is.EqualTo(1));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/executions/{command.ExecutionId}"));
        });
        Assert.That(await AuditCountAsync(id, "relaunch", 202), Is.EqualTo(1));
    }

    [Test]
    public async Task Approve_and_deny_pass_the_decision_on_as_the_caller_and_are_recorded_with_who_and_when()
    {
        var id = await environment.Data.CreateRunningWorkflowAsync(awxWorkflowJobId: 9200);
        Launcher.Scripts[id] = StandInOperatorLauncher.Decided();
        await SeedApprovalAsync(id, 31);
        await SeedApprovalAsync(id, 32);
        using var olivia = environment.Gateway.CreateClientWithToken(TestCaller.OperatorToken.Credential(environment.Tokens)!);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        const string comment = "Checked the change window:\r\n\t- ticket CHG-42\n";

        using var approve = await PostAsync(olivia, $"/api/v1/executions/{id}/approvals/31/approve", JsonSerializer.Serialize(new { comment }));
        using var deny = await PostAsync(Http, $"/api/v1/executions/{id}/approvals/32/deny", null);

        var approved = await DataOfAsync(approve, HttpStatusCode.OK);
        var denied = await DataOfAsync(deny, HttpStatusCode.OK);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((approved.GetProperty("decided_by").GetString(), approved.GetProperty("comment").GetString()), Is.EqualTo((TestCallers.OperatorUser, comment)),
                "a comment keeps its line breaks and tabs");
            Assert.That(denied.GetProperty("decided_by").GetString(), Is.EqualTo(GatewayHost.OperatorName), "a decision needs no body");
            Assert.That(Launcher.Decisions.Where(decision => decision.ExecutionId == id).Select(decision => (decision.ApprovalId, decision.Approve, decision.DecidedBy)),
                Is.EquivalentTo(new[] { (31L, true, TestCallers.OperatorUser), (32L, false, GatewayHost.OperatorName) }));
            Assert.That(await AuditOfAsync(id, "approve", before), Is.EqualTo(new[] { (TestCallers.OperatorUser, "jwt", "operator", $"/api/v1/executions/{id}/approvals/31/approve") }));
            Assert.That(await AuditOfAsync(id, "deny", before), Is.EqualTo(new[] { (GatewayHost.OperatorName, "api_key", "operator", $"/api/v1/executions/{id}/approvals/32/deny") }));
        });
    }

    [Test]
    public async Task Bulk_cancel_answers_what_became_of_each_execution_in_the_order_given()
    {
        var unlaunched = await SeedAsync("pending", StandInOperatorLauncher.Accepts(ExecutionStatus.Canceled));
        var running = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));
        var finished = await SeedAsync("successful", StandInOperatorLauncher.Rejects(RejectionReason.Conflict, "Execution already finished as successful."));
        var unknown = Guid.NewGuid();
        Launcher.Scripts[unknown] = StandInOperatorLauncher.Rejects(RejectionReason.NotFound, $"Execution {unknown} does not exist.");
        var auditWithoutExecutionBefore = await AuditCountAsync(null, null, null);

        using var response = await PostAsync(Http, "/api/v1/executions/cancel", JsonSerializer.Serialize(new { ids = new[] { unlaunched, running, finished, unknown } }));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("data").EnumerateArray()
            .Select(result => (result.GetProperty("id").GetGuid(), result.GetProperty("result").GetString(), Text(result, "status"), Text(result, "detail")))
            .ToList();
        Assert.That(results, Is.EqualTo(new (Guid, string?, string?, string?)[]
        {
            (unlaunched, "canceled", "canceled", null),
            (running, "cancel_requested", "running", null),
            (finished, "already_finished", null, "Execution already finished as successful."),
            (unknown, "not_found", null, $"Execution {unknown} does not exist."),
        }));
        Assert.That(Launcher.Cancels.Where(command => command.ExecutionId == running).Select(command => command.RequestedBy), Is.EqualTo(new[] { GatewayHost.OperatorName }));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await AuditCountAsync(unlaunched, "cancel", 200), Is.EqualTo(1), "canceled: recorded against it");
            Assert.That(await AuditCountAsync(running, "cancel", 200), Is.EqualTo(1), "asked AWX to stop: recorded against it");
            Assert.That(await AuditCountAsync(finished, null, null), Is.Zero, "left as it was: not recorded");
            Assert.That(await AuditCountAsync(unknown, null, null), Is.Zero, "not found: not recorded");
            Assert.That(await AuditCountAsync(null, null, null), Is.EqualTo(auditWithoutExecutionBefore), "no row without its execution");
        });

        static string? Text(JsonElement result, string name) => result.GetProperty(name).ValueKind == JsonValueKind.Null ? null : result.GetProperty(name).GetString();
    }

    [Test]
    public async Task Launcher_that_does_not_answer_is_answered_with_what_may_have_happened_and_what_to_do()
    {
        var silent = await environment.Data.InsertAsync(new ExecutionSeed { Status = "running" });

        var answers = await Task.WhenAll(
            PostAsync(Http, $"/api/v1/executions/{silent}/cancel", null),
            PostAsync(Http, $"/api/v1/executions/{silent}/relaunch", """{"hosts": "all"}"""),
            PostAsync(Http, "/api/v1/executions/cancel", $$"""{"ids": ["{{silent}}"]}"""));

        Assert.That((await Problems.ReadAsync(answers[0], HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString(),
            Does.Contain("may still take effect").And.Contain("cancel again"));
        Assert.That((await Problems.ReadAsync(answers[1], HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString(),
            Does.Contain($"relaunch_of={silent}"));
        var bulk = await DataOfAsync(answers[2], HttpStatusCode.OK);
        Assert.That(bulk[0].GetProperty("result").GetString(), Is.EqualTo("no_answer"));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [TestCase("/api/v1/executions/{known}/cancel", "{}")]
    [TestCase("/api/v1/executions/cancel", """{"ids": ["{known}"]}""")]
    [TestCase("/api/v1/executions/{known}/relaunch", """{"hosts": "all"}""")]
    [TestCase("/api/v1/executions/{known}/approvals/3/approve", "{}")]
    [TestCase("/api/v1/executions/{known}/approvals/3/deny", """{"comment": "no"}""")]
    public async Task Viewer_may_not_act_and_nothing_is_sent(string path, string body)
    {
        var id = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));
        using var viewer = environment.Gateway.CreateClient(GatewayHost.ViewerKey);
        using var anonymous = environment.Gateway.CreateClient(null);

        using var forbidden = await PostAsync(viewer, path.Replace("{known}", id.ToString(), StringComparison.Ordinal), body.Replace("{known}", id.ToString(), StringComparison.Ordinal));
        using var unauthorized = await PostAsync(anonymous, path.Replace("{known}", id.ToString(), StringComparison.Ordinal), body.Replace("{known}", id.ToString(), StringComparison.Ordinal));

        Assert.That((await Problems.ReadAsync(forbidden, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), Does.Contain("operator"));
        await Problems.ReadAsync(unauthorized, HttpStatusCode.Unauthorized);
        Assert.That(Launcher.Cancels.Any(command => command.ExecutionId == id) || Launcher.Relaunches.Any(command => command.RelaunchOf == id)
                    || Launcher.Decisions.Any(command => command.ExecutionId == id), Is.False);
        Assert.That(await AuditCountAsync(id, null, null), Is.Zero);
    }

    [TestCaseSource(typeof(OperatorActionBadInputCases), nameof(OperatorActionBadInputCases.All))]
    public async Task Bad_action_request_is_answered_4xx_naming_the_problem_and_nothing_is_sent(BadRequest request)
    {
        var known = await environment.Data.InsertAsync(new ExecutionSeed { Status = "running" });
        var before = await environment.Data.FingerprintAsync();
        var sent = Launcher.Received;

        using var message = request.ToMessage(known, Guid.NewGuid());
        using var response = await Http.SendAsync(message);

        var problem = await Problems.ReadAsync(response, request.Expected);
        if (request.Field is not null)
        {
            Assert.That(problem.GetProperty("errors").TryGetProperty(request.Field, out _), Is.True, problem.GetRawText());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(request.Field), problem.GetRawText());
        }

        Assert.That(await environment.Data.FingerprintAsync(), Is.EqualTo(before), "the database changed");
        Assert.That(Launcher.Received, Is.EqualTo(sent), "the Launcher was asked");
    }

    [Test]
    public async Task Openapi_documents_the_actions_as_operator_only_with_their_problems()
    {
        using var anonymous = environment.Gateway.CreateClient(null);
        var document = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");

        Assert.Multiple(() =>
        {
            foreach (var (path, problems) in new[]
                     {
                         ("/api/v1/executions/{id}/cancel", new[] { "400", "401", "403", "404", "409", "422", "429", "503" }),
                         ("/api/v1/executions/cancel", new[] { "400", "401", "403", "429" }),
                         ("/api/v1/executions/{id}/relaunch", new[] { "400", "401", "403", "404", "409", "422", "429", "503" }),
                         ("/api/v1/executions/{id}/approvals/{approval_id}/approve", new[] { "400", "401", "403", "404", "409", "422", "429", "503" }),
                         ("/api/v1/executions/{id}/approvals/{approval_id}/deny", new[] { "400", "401", "403", "404", "409", "422", "429", "503" }),
                     })
            {
                var operation = paths.GetProperty(path).GetProperty("post");
                foreach (var status in problems)
                {
                    Assert.That(operation.GetProperty("responses").TryGetProperty(status, out var problem)
                                && problem.GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True, $"{path} documents {status}");
                }

                Assert.That(operation.GetProperty("description").GetString(), Does.Contain("operator role"), path);
            }
        });
    }

    private async Task<Guid> SeedAsync(string status, Func<TestExecutions, object, Task<object>> script)
    {
        var id = await environment.Data.InsertAsync(new ExecutionSeed { Status = status, AwxJobId = status == "pending" ? null : 4242 });
        Launcher.Scripts[id] = script;
        return id;
    }

    private Task SeedApprovalAsync(Guid executionId, long approvalId) =>
        environment.Data.Workflows.UpsertApprovalAsync(
            new WorkflowApprovalRecord { ExecutionId = executionId, ApprovalId = approvalId, NodeId = approvalId + 100, Name = $"Gate {approvalId}" },
            CancellationToken.None);

    /// <summary>Who the audit recorded doing <paramref name="action"/> on the execution since <paramref name="since"/>, answered 200.</summary>
    private async Task<IReadOnlyList<(string Actor, string Kind, string Role, string Path)>> AuditOfAsync(Guid executionId, string action, DateTimeOffset since)
    {
        var rows = await environment.Data.QueryAsync<(string, string, string, string)>(
            """
            select actor, actor_kind, actor_role, path from operator_actions
            where execution_id = @executionId and action = @action and http_method = 'POST' and status_code = 200
              and occurred_at between @since and now()
            """,
            new { executionId, action, since });
        return rows;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? json) =>
        client.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> DataOfAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    private Task<long> AuditCountAsync(Guid? executionId, string? action, int? statusCode) =>
        environment.Data.CountAsync(
            """
            select count(*) from operator_actions
            where execution_id is not distinct from @executionId and (@action::text is null or action = @action)
              and (@statusCode::int is null or status_code = @statusCode)
            """,
            new { executionId, action, statusCode });
}
