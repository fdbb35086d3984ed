using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Cancel, bulk cancel and relaunch over HTTP, against a Launcher whose answers each test scripts.</summary>
public sealed class OperatorActionTests
{
    private GatewayEnvironment environment = null!;
    private StandInOperatorLauncher launcher = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        environment = await GatewayEnvironment.SharedAsync();
        launcher = await StandInOperatorLauncher.StartAsync(environment);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await launcher.DisposeAsync();

    [Test]
    public async Task Cancel_awx_is_asked_for_answers_202_with_the_execution_and_records_the_caller()
    {
        var id = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));

        using var response = await PostAsync(Http, $"/api/v1/executions/{id}/cancel", "{}");

        var execution = await DataOfAsync(response, HttpStatusCode.Accepted);
        Assert.That((execution.GetProperty("id").GetGuid(), execution.GetProperty("status").GetString()), Is.EqualTo((id, "running")));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/executions/{id}"));
        Assert.That(launcher.Cancels.Single(command => command.ExecutionId == id).RequestedBy, Is.EqualTo(GatewayHost.OperatorName));
        Assert.That(await AuditCountAsync(id, "cancel", 202), Is.EqualTo(1));
    }

    [Test]
    public async Task Cancel_of_an_execution_never_launched_answers_200_canceled_as_the_token_user()
    {
        var id = await SeedAsync("pending", StandInOperatorLauncher.Accepts(ExecutionStatus.Canceled));
        using var olivia = environment.Gateway.CreateClientWithToken(TestCaller.OperatorToken.Credential(environment.Tokens)!);

        using var response = await olivia.PostAsync(new Uri($"/api/v1/executions/{id}/cancel", UriKind.Relative), content: null);

        Assert.That((await DataOfAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(launcher.Cancels.Single(command => command.ExecutionId == id).RequestedBy, Is.EqualTo(TestCallers.OperatorUser));
    }

    [TestCase(RejectionReason.Invalid, HttpStatusCode.BadRequest)]
    [TestCase(RejectionReason.NotFound, HttpStatusCode.NotFound)]
    [TestCase(RejectionReason.Conflict, HttpStatusCode.Conflict)]
    [TestCase(RejectionReason.Unprocessable, HttpStatusCode.UnprocessableEntity)]
    public async Task Cancel_and_relaunch_the_launcher_refuses_are_answered_with_its_status_and_reason(RejectionReason reason, HttpStatusCode expected)
    {
        var detail = $"Refused as {reason}: fix the underlying issue rather than relaunching.";
        var id = await SeedAsync("successful", StandInOperatorLauncher.Rejects(reason, detail));

        using var cancel = await PostAsync(Http, $"/api/v1/executions/{id}/cancel", null);
        using var relaunch = await PostAsync(Http, $"/api/v1/executions/{id}/relaunch", """{"hosts": "all"}""");

        Assert.That((await Problems.ReadAsync(cancel, expected)).GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That((await Problems.ReadAsync(relaunch, expected)).GetProperty("detail").GetString(), Is.EqualTo(detail));
        Assert.That(await AuditCountAsync(id, null, null), Is.Zero, "a refused action is not recorded");
    }

    [Test]
    public async Task Relaunch_answers_202_with_the_new_execution_of_the_same_request()
    {
        var id = await SeedAsync("failed", StandInOperatorLauncher.Relaunched());

        using var response = await PostAsync(Http, $"/api/v1/executions/{id}/relaunch", """{"hosts": "failed"}""");

        var relaunch = await DataOfAsync(response, HttpStatusCode.Accepted);
        var command = launcher.Relaunches.Single(sent => sent.RelaunchOf == id);
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
    public async Task Bulk_cancel_answers_what_became_of_each_execution_in_the_order_given()
    {
        var unlaunched = await SeedAsync("pending", StandInOperatorLauncher.Accepts(ExecutionStatus.Canceled));
        var running = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));
        var finished = await SeedAsync("successful", StandInOperatorLauncher.Rejects(RejectionReason.Conflict, "Execution already finished as successful."));
        var unknown = Guid.NewGuid();
        launcher.Scripts[unknown] = StandInOperatorLauncher.Rejects(RejectionReason.NotFound, $"Execution {unknown} does not exist.");
        var auditBefore = await AuditCountAsync(null, "cancel", 200);

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
        Assert.That(launcher.Cancels.Where(command => command.ExecutionId == running).Select(command => command.RequestedBy), Is.EqualTo(new[] { GatewayHost.OperatorName }));
        Assert.That(await AuditCountAsync(null, "cancel", 200), Is.EqualTo(auditBefore + 1), "one bulk action, recorded once");

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
    public async Task Viewer_may_not_cancel_or_relaunch_and_nothing_is_sent(string path, string body)
    {
        var id = await SeedAsync("running", StandInOperatorLauncher.Accepts(ExecutionStatus.Running));
        using var viewer = environment.Gateway.CreateClient(GatewayHost.ViewerKey);
        using var anonymous = environment.Gateway.CreateClient(null);

        using var forbidden = await PostAsync(viewer, path.Replace("{known}", id.ToString(), StringComparison.Ordinal), body.Replace("{known}", id.ToString(), StringComparison.Ordinal));
        using var unauthorized = await PostAsync(anonymous, path.Replace("{known}", id.ToString(), StringComparison.Ordinal), body.Replace("{known}", id.ToString(), StringComparison.Ordinal));

        Assert.That((await Problems.ReadAsync(forbidden, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), Does.Contain("operator"));
        await Problems.ReadAsync(unauthorized, HttpStatusCode.Unauthorized);
        Assert.That(launcher.Cancels.Any(command => command.ExecutionId == id) || launcher.Relaunches.Any(command => command.RelaunchOf == id), Is.False);
        Assert.That(await AuditCountAsync(id, null, null), Is.Zero);
    }

    [TestCaseSource(typeof(OperatorActionBadInputCases), nameof(OperatorActionBadInputCases.All))]
    public async Task Bad_action_request_is_answered_4xx_naming_the_problem_and_nothing_is_sent(BadRequest request)
    {
        var known = await environment.Data.InsertAsync(new ExecutionSeed { Status = "running" });
        var before = await environment.Data.FingerprintAsync();
        var sent = launcher.Cancels.Count + launcher.Relaunches.Count;

        using var message = request.ToMessage(known, Guid.NewGuid());
        using var response = await Http.SendAsync(message);

        var problem = await Problems.ReadAsync(response, request.Expected);
        if (request.Field is not null)
        {
            Assert.That(problem.GetProperty("errors").TryGetProperty(request.Field, out _), Is.True, problem.GetRawText());
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(request.Field), problem.GetRawText());
        }

        Assert.That(await environment.Data.FingerprintAsync(), Is.EqualTo(before), "the database changed");
        Assert.That(launcher.Cancels.Count + launcher.Relaunches.Count, Is.EqualTo(sent), "the Launcher was asked");
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
        launcher.Scripts[id] = script;
        return id;
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
