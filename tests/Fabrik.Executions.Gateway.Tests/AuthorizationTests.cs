using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Contracts;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Who may call what: every endpoint and the hub against every kind of caller, the audit, CORS and the open endpoints.</summary>
public sealed class AuthorizationTests
{
    private const long KnownJobId = 181;
    private const long KnownWorkflowJobId = 182;
    private const string Known = "{known}";
    private const string Workflow = "{workflow}";

    /// <summary>
    /// Every endpoint: the role it needs, what an allowed caller gets (null for an operator action, which the stand-in
    /// Launcher refuses: anything but 401 and 403) and the body it is sent.
    /// </summary>
    private static readonly (string Method, string Path, bool NeedsOperator, HttpStatusCode? Allowed, string? Body)[] Endpoints =
    [
        ("GET", "/api/v1/executions", false, HttpStatusCode.OK, null),
        ("GET", "/api/v1/executions/status/running", false, HttpStatusCode.OK, null),
        ("GET", "/api/v1/executions/stats", false, HttpStatusCode.OK, null),
        ("GET", "/api/v1/executions/export", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}/chain", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}/events", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}/stdout", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}/hosts", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Known}/search?q=leaf", false, HttpStatusCode.OK, null),
        ("GET", $"/api/v1/executions/{Workflow}/workflow", false, HttpStatusCode.OK, null),
        ("GET", "/api/v1/me", false, HttpStatusCode.OK, null),
        ("POST", "/hubs/executions/negotiate?negotiateVersion=1", false, HttpStatusCode.OK, null),
        ("POST", "/api/v1/executions", true, HttpStatusCode.Accepted, null),
        ("POST", $"/api/v1/executions/{Known}/cancel", true, null, "{}"),
        ("POST", "/api/v1/executions/cancel", true, null, $$"""{"ids": ["{{Known}}"]}"""),
        ("POST", $"/api/v1/executions/{Known}/relaunch", true, null, """{"hosts": "all"}"""),
        ("POST", $"/api/v1/executions/{Workflow}/approvals/1/approve", true, null, """{"comment": "ok"}"""),
        ("POST", $"/api/v1/executions/{Workflow}/approvals/1/deny", true, null, """{"comment": "no"}"""),
    ];

    private GatewayEnvironment environment = null!;
    private Guid known;
    private Guid workflow;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        environment = await GatewayEnvironment.SharedAsync();
        known = await environment.Data.CreateRunningWithEventsAsync(KnownJobId, 5);
        workflow = await environment.Data.CreateRunningWorkflowAsync(KnownWorkflowJobId);
        foreach (var id in new[] { known, workflow })
        {
            environment.OperatorLauncher.Scripts[id] = StandInOperatorLauncher.Rejects(RejectionReason.Conflict, "Refused by the stand-in Launcher.");
        }
    }

    public static IEnumerable<TestCaseData> EveryEndpointForEveryCaller() =>
        from endpoint in Endpoints
        from caller in Enum.GetValues<TestCaller>()
        select new TestCaseData(endpoint.Method, endpoint.Path, endpoint.NeedsOperator, endpoint.Allowed, endpoint.Body, caller)
            .SetArgDisplayNames($"{endpoint.Method} {endpoint.Path}", caller.ToString());

    [TestCaseSource(nameof(EveryEndpointForEveryCaller))]
    public async Task Endpoint_answers_each_caller_by_its_role(
        string method, string path, bool needsOperator, HttpStatusCode? allowedStatus, string? body, TestCaller caller)
    {
        var allowed = needsOperator ? caller.IsOperator() : caller.IsViewerOrOperator();
        using var client = environment.Gateway.ClientFor(caller, environment.Tokens);
        var launchesBefore = environment.Bus.LaunchCommands.Count;
        var commandsBefore = environment.OperatorLauncher.Received;
        var auditBefore = await AuditCountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), WithIds(path));
        if (body is not null)
        {
            request.Content = new StringContent(WithIds(body), Encoding.UTF8, "application/json");
        }
        else if (needsOperator)
        {
            request.Content = JsonContent.Create(LaunchBodies.Valid("authorization-" + Guid.NewGuid()));
        }

        using var response = await client.SendAsync(request);

        if (!caller.IsAuthenticated() || !allowed)
        {
            var problem = await Problems.ReadAsync(response, caller.IsAuthenticated() ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(caller.IsAuthenticated() ? "role" : "API key"));
            Assert.That(environment.Bus.LaunchCommands, Has.Count.EqualTo(launchesBefore), "the Launcher was asked to launch");
            Assert.That(environment.OperatorLauncher.Received, Is.EqualTo(commandsBefore), "the Launcher was asked to act");
            Assert.That(await AuditCountAsync(), Is.EqualTo(auditBefore), "a refused call was recorded as an action");
            return;
        }

        var answer = await response.Content.ReadAsStringAsync();
        if (allowedStatus is { } expected)
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), answer);
        }
        else
        {
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden), answer);
            Assert.That(environment.OperatorLauncher.Received, Is.GreaterThan(commandsBefore), "the action reached the Launcher");
        }

        var launched = allowedStatus == HttpStatusCode.Accepted ? 1 : 0;
        Assert.That(await AuditCountAsync(), Is.EqualTo(auditBefore + launched), "accepted operator actions, and only they, are recorded");
    }

    private string WithIds(string text) =>
        text.Replace(Known, known.ToString(), StringComparison.Ordinal).Replace(Workflow, workflow.ToString(), StringComparison.Ordinal);

    [Test]
    public async Task Launch_is_recorded_with_who_and_when_and_the_caller_launches_not_the_body()
    {
        using var olivia = environment.Gateway.CreateClientWithToken(TestCaller.OperatorToken.Credential(environment.Tokens)!);
        var body = LaunchBodies.Valid("audited-" + Guid.NewGuid());
        body["launched_by"] = "mallory";
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        using var response = await olivia.PostAsync(body);

        var execution = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var id = execution.GetProperty("id").GetGuid();
        Assert.That(execution.GetProperty("launched_by").GetString(), Is.EqualTo(TestCallers.OperatorUser));
        var audit = await environment.Data.CountAsync(
            """
            select count(*) from operator_actions
            where execution_id = @id and action = 'launch' and actor = @actor and actor_kind = 'jwt' and actor_role = 'operator'
              and http_method = 'POST' and path = '/api/v1/executions' and status_code = 202 and occurred_at between @before and now()
            """,
            new { id, actor = TestCallers.OperatorUser, before });
        Assert.That(audit, Is.EqualTo(1));
    }

    [Test]
    public async Task Launch_the_launcher_refuses_is_not_recorded()
    {
        var body = LaunchBodies.Valid("refused-" + Guid.NewGuid());
        body["template"]!["id"] = StandInLauncher.Refusals.Keys.First();
        var auditBefore = await AuditCountAsync();

        using var response = await environment.Gateway.Http.PostAsync(body);

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        Assert.That(await AuditCountAsync(), Is.EqualTo(auditBefore));
    }

    [TestCase(TestCaller.ViewerKey)]
    [TestCase(TestCaller.ViewerToken)]
    public async Task Hub_takes_a_key_or_a_token_where_signalr_clients_send_them(TestCaller caller)
    {
        var credential = caller.Credential(environment.Tokens)!;
        using var anonymous = environment.Gateway.CreateClient(null);
        await using var connection = environment.Gateway.CreateHubConnection(credential);

        // Browsers' WebSockets cannot send headers: they put the token in the query.
        using var negotiate = await anonymous.PostAsync(
            new Uri($"/hubs/executions/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(credential)}", UriKind.Relative), null);
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeToOutput", known, 0L);

        Assert.That(negotiate.StatusCode, Is.EqualTo(HttpStatusCode.OK), await negotiate.Content.ReadAsStringAsync());
        Assert.That(connection.State, Is.EqualTo(HubConnectionState.Connected));
    }

    [Test]
    public async Task Hub_refuses_a_connection_without_credentials()
    {
        await using var connection = environment.Gateway.CreateHubConnection(accessToken: null);

        var refused = Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.That(refused!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Api_key_in_the_query_counts_only_on_the_hub()
    {
        using var anonymous = environment.Gateway.CreateClient(null);

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/executions?access_token={GatewayHost.OperatorKey}", UriKind.Relative));

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/metrics")]
    [TestCase("/openapi/v1.json")]
    public async Task Health_metrics_and_the_api_description_need_no_credentials(string path)
    {
        using var anonymous = environment.Gateway.CreateClient(null);

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Cross_origin_calls_are_allowed_only_from_the_configured_origins()
    {
        using var anonymous = environment.Gateway.CreateClient(null);

        using var allowed = await anonymous.SendAsync(Preflight(GatewayEnvironment.AllowedOrigin));
        using var other = await anonymous.SendAsync(Preflight("https://evil.example"));

        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { GatewayEnvironment.AllowedOrigin }));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("x-api-key").IgnoreCase);
        Assert.That(other.Headers.Contains("Access-Control-Allow-Origin"), Is.False);

        static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/v1/executions")
        {
            Headers =
            {
                { "Origin", origin },
                { "Access-Control-Request-Method", "POST" },
                { "Access-Control-Request-Headers", "x-api-key,content-type" },
            },
        };
    }

    private Task<long> AuditCountAsync() => environment.Data.CountAsync("select count(*) from operator_actions", new { });
}
