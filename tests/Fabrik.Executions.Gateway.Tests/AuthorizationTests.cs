using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Who may call what: every endpoint and the hub against every kind of caller, the audit, CORS and the open endpoints.</summary>
public sealed class AuthorizationTests
{
    private const long KnownJobId = 181;
    private const string Known = "{known}";

    private static readonly (string Method, string Path, bool NeedsOperator)[] Endpoints =
    [
        ("GET", "/api/v1/executions", false),
        ("GET", "/api/v1/executions/status/running", false),
        ("GET", "/api/v1/executions/stats", false),
        ("GET", "/api/v1/executions/export", false),
        ("GET", $"/api/v1/executions/{Known}", false),
        ("GET", $"/api/v1/executions/{Known}/chain", false),
        ("GET", $"/api/v1/executions/{Known}/events", false),
        ("GET", $"/api/v1/executions/{Known}/stdout", false),
        ("GET", $"/api/v1/executions/{Known}/hosts", false),
        ("GET", $"/api/v1/executions/{Known}/search?q=leaf", false),
        ("POST", "/hubs/executions/negotiate?negotiateVersion=1", false),
        ("POST", "/api/v1/executions", true),
    ];

    private GatewayEnvironment environment = null!;
    private Guid known;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        environment = await GatewayEnvironment.SharedAsync();
        known = await environment.Data.CreateRunningWithEventsAsync(KnownJobId, 5);
    }

    public static IEnumerable<TestCaseData> EveryEndpointForEveryCaller() =>
        from endpoint in Endpoints
        from caller in Enum.GetValues<TestCaller>()
        select new TestCaseData(endpoint.Method, endpoint.Path, endpoint.NeedsOperator, caller)
            .SetArgDisplayNames($"{endpoint.Method} {endpoint.Path}", caller.ToString());

    [TestCaseSource(nameof(EveryEndpointForEveryCaller))]
    public async Task Endpoint_answers_each_caller_by_its_role(string method, string path, bool needsOperator, TestCaller caller)
    {
        var allowed = needsOperator ? caller.IsOperator() : caller.IsViewerOrOperator();
        using var client = environment.Gateway.ClientFor(caller, environment.Tokens);
        var commandsBefore = environment.Bus.LaunchCommands.Count;
        var auditBefore = await AuditCountAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace(Known, known.ToString(), StringComparison.Ordinal));
        if (needsOperator)
        {
            request.Content = JsonContent.Create(LaunchBodies.Valid("authorization-" + Guid.NewGuid()));
        }

        using var response = await client.SendAsync(request);

        if (!caller.IsAuthenticated() || !allowed)
        {
            var problem = await Problems.ReadAsync(response, caller.IsAuthenticated() ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(caller.IsAuthenticated() ? "role" : "API key"));
            Assert.That(environment.Bus.LaunchCommands, Has.Count.EqualTo(commandsBefore), "the Launcher was asked");
            Assert.That(await AuditCountAsync(), Is.EqualTo(auditBefore), "a refused call was recorded as an action");
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(needsOperator ? HttpStatusCode.Accepted : HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await AuditCountAsync(), Is.EqualTo(auditBefore + (needsOperator ? 1 : 0)), "operator actions, and only they, are recorded");
    }

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
