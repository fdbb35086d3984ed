using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>The OpenAPI document describes every endpoint, its parameters, answers, problems and security.</summary>
public sealed class OpenApiTests
{
    private static readonly (string Method, string Path)[] Operations =
    [
        ("post", "/api/v1/executions"),
        ("get", "/api/v1/executions"),
        ("get", "/api/v1/executions/status/{status}"),
        ("get", "/api/v1/executions/stats"),
        ("get", "/api/v1/executions/export"),
        ("get", "/api/v1/executions/{id}"),
        ("get", "/api/v1/executions/{id}/chain"),
        ("get", "/api/v1/executions/{id}/events"),
        ("get", "/api/v1/executions/{id}/stdout"),
        ("get", "/api/v1/executions/{id}/hosts"),
        ("get", "/api/v1/executions/{id}/search"),
    ];

    /// <summary>Routes that are not the API: the hub, health, metrics, the API description and the web app's pages.</summary>
    private static readonly string[] NotApiPrefixes = ["/hubs/", "/health/", "/metrics", "/openapi/", "/scalar"];
    private static readonly string[] WebAppPages = ["/", "/executions/{id}"];

    private GatewayEnvironment environment = null!;
    private JsonElement document;

    [OneTimeSetUp]
    public async Task ReadAsync()
    {
        environment = await GatewayEnvironment.SharedAsync();
        using var anonymous = environment.Gateway.CreateClient(null);
        document = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
    }

    [Test]
    public void Every_mapped_api_route_is_documented_with_its_problems()
    {
        var routes = environment.Gateway.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => (Path: "/" + endpoint.RoutePattern.RawText!.Trim('/'), Methods: endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(route => !WebAppPages.Contains(route.Path) && !NotApiPrefixes.Any(prefix => route.Path.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(route => route.Methods.Select(method => (Method: method.ToLowerInvariant(), route.Path)))
            .ToList();
        Assert.That(routes, Does.Contain(("get", "/api/v1/me")).And.Contain(("post", "/api/v1/executions/{id}/approvals/{approval_id}/approve")),
            "the API's routes are found, the approval's parameter named as the frame names it");

        Assert.Multiple(() =>
        {
            foreach (var (method, path) in routes)
            {
                if (!document.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
                {
                    Assert.Fail($"{method} {path} is not in the document");
                    continue;
                }

                var problems = path.Contains("{id}", StringComparison.Ordinal) ? new[] { "400", "401", "403", "404", "429" } : ["400", "401", "403", "429"];
                foreach (var status in problems)
                {
                    Assert.That(operation.GetProperty("responses").TryGetProperty(status, out var problem)
                                && problem.GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True, $"{method} {path} documents {status}");
                }
            }
        });
    }

    [Test]
    public void Every_operation_needs_a_key_or_a_token_and_documents_its_problems()
    {
        Assert.Multiple(() =>
        {
            foreach (var (method, path) in Operations)
            {
                var operation = Operation(method, path);
                var responses = operation.GetProperty("responses");
                foreach (var status in new[] { "400", "401", "429" })
                {
                    Assert.That(responses.TryGetProperty(status, out var problem), Is.True, $"{method} {path} documents {status}");
                    Assert.That(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), Is.True, $"{method} {path} {status}");
                }

                var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name));
                Assert.That(schemes, Is.EquivalentTo(new[] { "ApiKey", "Bearer" }), $"{method} {path}");
                Assert.That(operation.GetProperty("description").GetString(), Does.Contain(method == "post" ? "operator role" : "viewer role"));
            }
        });
        Assert.That(Operation("post", "/api/v1/executions").GetProperty("responses").TryGetProperty("403", out _), Is.True);
        Assert.That(Operation("get", "/api/v1/executions/{id}").GetProperty("responses").TryGetProperty("404", out _), Is.True);
    }

    [Test]
    public void Security_schemes_are_the_api_key_header_and_bearer_tokens()
    {
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");

        Assert.That(schemes.GetProperty("ApiKey").GetProperty("type").GetString(), Is.EqualTo("apiKey"));
        Assert.That(schemes.GetProperty("ApiKey").GetProperty("in").GetString(), Is.EqualTo("header"));
        Assert.That(schemes.GetProperty("ApiKey").GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
        Assert.That(schemes.GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
        Assert.That(schemes.GetProperty("Bearer").GetProperty("bearerFormat").GetString(), Is.EqualTo("JWT"));
    }

    [Test]
    public void Query_parameters_are_listed_with_their_types_and_bounds()
    {
        var list = Parameters("get", "/api/v1/executions");
        var events = Parameters("get", "/api/v1/executions/{id}/events");
        var search = Parameters("get", "/api/v1/executions/{id}/search");

        Assert.That(list.Keys, Is.EquivalentTo(new[] { "status", "template", "launched_by", "relaunch_of", "created_after", "created_before", "q", "page", "per_page" }));
        Assert.That(list["per_page"].GetProperty("schema").GetProperty("maximum").GetInt32(), Is.EqualTo(100));
        Assert.That(list["template"].GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("integer"));
        Assert.That(list["created_after"].GetProperty("schema").GetProperty("format").GetString(), Is.EqualTo("date-time"));
        Assert.That(list["relaunch_of"].GetProperty("schema").GetProperty("format").GetString(), Is.EqualTo("uuid"));
        Assert.That(list["q"].GetProperty("schema").GetProperty("minLength").GetInt32(), Is.EqualTo(3));
        Assert.That(events["failed"].GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("boolean"));
        Assert.That(events["event"].GetProperty("schema").GetProperty("pattern").GetString(), Is.EqualTo("^(?:[a-z_]+)$"));
        Assert.That(search["q"].GetProperty("required").GetBoolean(), Is.True);
        Assert.That(Parameters("get", "/api/v1/executions/{id}/hosts", "path")["id"].GetProperty("schema").GetProperty("format").GetString(), Is.EqualTo("uuid"));
        Assert.That(Parameters("get", "/api/v1/executions/status/{status}", "path")["status"].GetProperty("schema").GetProperty("enum").GetArrayLength(), Is.EqualTo(7));
        Assert.That(Parameters("get", "/api/v1/executions/{id}/stdout")["format"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(choice => choice.GetString()),
            Is.EqualTo(new[] { "txt", "ansi", "ndjson" }));
    }

    [Test]
    public void Every_answer_has_its_schema_in_snake_case()
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.That(Properties(schemas, "ExecutionResource"), Does.Contain("request_id").And.Contain("relaunch_of").And.Not.Contain("awx_job_data"));
        Assert.That(Properties(schemas, "Pagination"), Is.EquivalentTo(new[] { "page", "per_page", "total_items", "total_pages" }));
        Assert.That(Properties(schemas, "ExecutionStatsResource"), Does.Contain("by_status").And.Contain("total"));
        Assert.That(Properties(schemas, "HostResultsResource"), Is.EquivalentTo(new[] { "source", "final", "hosts" }));
        Assert.That(Properties(schemas, "OutputLineHit"), Is.EquivalentTo(new[] { "job_id", "counter", "line_number", "line", "host", "task" }));
        Assert.That(Properties(schemas, "JobEventPage"), Is.EquivalentTo(new[] { "data", "cursor" }));
        Assert.That(Properties(schemas, "LaunchRequestBody"), Does.Contain("request_id").And.Contain("extra_vars"));
    }

    private JsonElement Operation(string method, string path) => document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private Dictionary<string, JsonElement> Parameters(string method, string path, string location = "query") =>
        Operation(method, path).GetProperty("parameters").EnumerateArray()
            .Where(parameter => parameter.GetProperty("in").GetString() == location)
            .ToDictionary(parameter => parameter.GetProperty("name").GetString()!);

    private static IReadOnlyList<string> Properties(JsonElement schemas, string name) =>
        schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(property => property.Name).ToList();
}
