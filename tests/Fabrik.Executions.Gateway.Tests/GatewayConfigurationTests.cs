using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>How the Gateway's Auth, Cors and rate limit settings shape it, and which it refuses to start with.</summary>
public sealed class GatewayConfigurationTests
{
    private IsolatedInfrastructure infrastructure = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => infrastructure = await IsolatedInfrastructure.CreateAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await infrastructure.DisposeAsync();

    [Test]
    public void Gateway_without_a_way_to_authenticate_refuses_to_start_and_says_what_to_set()
    {
        var settings = WithoutAuth();

        var refused = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(["--urls", "http://127.0.0.1:0"], settings));

        Assert.That(refused!.Message, Does.Contain("Auth__ApiKeys__0__Key").And.Contain("Auth__Jwt__Authority").And.Contain("Auth__AllowAnonymous"));
    }

    [Test]
    public void Anonymous_access_outside_development_is_refused()
    {
        var settings = WithoutAuth();
        settings["Auth:AllowAnonymous"] = "true";

        var refused = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create(["--environment", "Production"], settings));

        Assert.That(refused!.Message, Does.Contain("development only").And.Contain("Production"));
    }

    [Test]
    public void Every_bad_auth_setting_is_named_and_no_key_is_repeated()
    {
        const string shortKey = "short-key";
        var settings = WithoutAuth();
        settings["Auth:ApiKeys:0:Name"] = "portal";
        settings["Auth:ApiKeys:0:Key"] = shortKey;
        settings["Auth:ApiKeys:0:Role"] = "operator";
        settings["Auth:ApiKeys:1:Name"] = "portal";
        settings["Auth:ApiKeys:1:Key"] = GatewayHost.ViewerKey;
        settings["Auth:ApiKeys:1:Role"] = "admin";
        settings["Auth:Jwt:Authority"] = "http://idp.example.com";

        var refused = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create([], settings));

        Assert.That(refused!.Message, Does.Contain("Auth:ApiKeys:0:Key must be at least 16")
            .And.Contain("Auth:ApiKeys:1:Name 'portal' is used by another key")
            .And.Contain("Auth:ApiKeys:1:Role must be 'viewer' or 'operator'")
            .And.Contain("Auth:Jwt:Authority must be the https:// URL"));
        Assert.That(refused.Message, Does.Not.Contain(shortKey).And.Not.Contain(GatewayHost.ViewerKey));
    }

    [Test]
    public void Wildcard_cors_origin_is_refused()
    {
        var settings = GatewayHost.Settings(infrastructure.Configuration);
        settings["Cors:AllowedOrigins:0"] = "*";

        var refused = Assert.Throws<InvalidOperationException>(() => GatewayApplication.Create([], settings));

        Assert.That(refused!.Message, Does.Contain("Cors:AllowedOrigins").And.Contain("*"));
    }

    [Test]
    public async Task Anonymous_development_gateway_lets_anyone_in_and_serves_the_api_reference()
    {
        var settings = WithoutAuth();
        settings["Auth:AllowAnonymous"] = "true";
        await using var data = TestExecutions.For(infrastructure.Postgres);
        await using var bus = await TestBus.StartAsync(infrastructure.RabbitMq, data.Executions);
        await using var gateway = await GatewayHost.StartWithAsync(settings, "--environment", "Development");
        using var anonymous = gateway.CreateClient(null);
        var body = LaunchBodies.Valid("anonymous-" + Guid.NewGuid());
        body["launched_by"] = "dev-user";

        using var list = await anonymous.GetAsync(new Uri("/api/v1/executions", UriKind.Relative));
        using var launch = await anonymous.PostAsync(body);
        using var reference = await anonymous.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(launch.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await launch.Content.ReadAsStringAsync());
        var execution = (await launch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.That(execution.GetProperty("launched_by").GetString(), Is.EqualTo("dev-user"), "with no caller, the body names who launches");
        Assert.That(await data.CountAsync("select count(*) from operator_actions where actor_kind = 'anonymous' and action = 'launch'", new { }), Is.EqualTo(1));
        Assert.That(reference.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(reference.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }

    [Test]
    public async Task Each_caller_has_its_own_rate_limit()
    {
        var settings = GatewayHost.Settings(infrastructure.Configuration);
        settings["Gateway:RateLimitBurst"] = "3";
        settings["Gateway:RateLimitPerSecond"] = "1";
        await using var gateway = await GatewayHost.StartWithAsync(settings);
        using var viewer = gateway.CreateClient(GatewayHost.ViewerKey);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await gateway.Http.GetAsync(new Uri("/api/v1/executions/stats", UriKind.Relative)));
        }

        using var viewerAnswer = await viewer.GetAsync(new Uri("/api/v1/executions/stats", UriKind.Relative));
        var limited = answers.FirstOrDefault(answer => answer.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.That(limited, Is.Not.Null, "12 requests within a burst of 3 at 1 per second");
        var problem = await Problems.ReadAsync(limited!, HttpStatusCode.TooManyRequests);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(GatewayHost.OperatorName));
        Assert.That(limited!.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(viewerAnswer.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another caller is not limited by the first");
        answers.ForEach(answer => answer.Dispose());
    }

    [Test]
    public async Task Api_reference_page_is_served_only_in_development()
    {
        var environment = await GatewayEnvironment.SharedAsync();

        using var reference = await environment.Gateway.Http.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.That(reference.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private Dictionary<string, string?> WithoutAuth()
    {
        var settings = GatewayHost.Settings(infrastructure.Configuration);
        foreach (var key in settings.Keys.Where(key => key.StartsWith("Auth:", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        return settings;
    }
}
