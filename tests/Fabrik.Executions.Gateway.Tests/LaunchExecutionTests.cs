using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Tests;

public sealed class LaunchExecutionTests
{
    private GatewayEnvironment environment = null!;

    private HttpClient Http => environment.Gateway.Http;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Launch_answers_202_with_the_stored_execution_and_its_location()
    {
        var body = ValidBody("launch-202");
        body["extra_vars"] = JsonNode.Parse("""{"tenant":"blue","vlans":[10,20],"nested":{"on":true}}""");

        using var response = await PostAsync(body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        var execution = JsonDocument.Parse(text).RootElement.GetProperty("data");
        var id = execution.GetProperty("id").GetGuid();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/executions/{id}"));
        Assert.Multiple(() =>
        {
            Assert.That(execution.GetProperty("request_id").GetString(), Is.EqualTo("launch-202"));
            Assert.That(execution.GetProperty("template").GetRawText(), Is.EqualTo("""{"kind":"job","id":7,"name":"Configure fabric"}"""));
            Assert.That(execution.GetProperty("status").GetString(), Is.EqualTo("pending"));
            Assert.That(JsonElement.DeepEquals(execution.GetProperty("extra_vars"), body["extra_vars"].Deserialize<JsonElement>()), Is.True);
            Assert.That(execution.GetProperty("limit").GetString(), Is.EqualTo("leaf-*"));
            Assert.That(execution.GetProperty("inventory").GetInt32(), Is.EqualTo(3));
            Assert.That(execution.GetProperty("credentials").GetRawText(), Is.EqualTo("[4,5]"));
            Assert.That(execution.GetProperty("launched_by").GetString(), Is.EqualTo("alice"));
            Assert.That(execution.TryGetProperty("awx_job_data", out _), Is.False);
        });

        var sent = environment.Bus.LaunchCommands.Single(command => command.RequestId == "launch-202");
        Assert.That(sent.ExecutionId, Is.EqualTo(id), "the id the Gateway generated is the execution's id");
        Assert.That(sent.ExecutionId.Version, Is.EqualTo(7));

        using var read = await Http.GetAsync(response.Headers.Location);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("id").GetGuid(), Is.EqualTo(id));
    }

    [Test]
    public async Task Same_request_id_twice_answers_the_same_execution()
    {
        using var first = await PostAsync(ValidBody("launch-twice"));
        using var second = await PostAsync(ValidBody("launch-twice"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await IdOf(second), Is.EqualTo(await IdOf(first)));
        Assert.That(await StoredWithRequestIdAsync("launch-twice"), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Invalid_body_is_answered_400_naming_the_field_and_launches_nothing(string body, string field)
    {
        var commandsBefore = environment.Bus.LaunchCommands.Count;
        var storedBefore = await environment.Data.CountAsync("select count(*) from executions", new { });

        using var response = await Http.PostAsync("/api/v1/executions", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problems.ReadInvalidAsync(response, field);
        Assert.That(environment.Bus.LaunchCommands, Has.Count.EqualTo(commandsBefore), "the Launcher was asked");
        Assert.That(await environment.Data.CountAsync("select count(*) from executions", new { }), Is.EqualTo(storedBefore));
    }

    [TestCase("text/plain")]
    [TestCase(null)]
    public async Task Body_not_sent_as_json_is_answered_415(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidBody("not-json-" + contentType).ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await Http.PostAsync("/api/v1/executions", content);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("application/json"));
    }

    [Test]
    public async Task Body_larger_than_the_limit_is_answered_413()
    {
        var body = ValidBody("too-large");
        body["extra_vars"] = new JsonObject { ["blob"] = new string('x', 3 * 1024 * 1024) };

        using var response = await PostAsync(body);

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase(RejectionReason.Invalid, HttpStatusCode.BadRequest)]
    [TestCase(RejectionReason.NotFound, HttpStatusCode.NotFound)]
    [TestCase(RejectionReason.Conflict, HttpStatusCode.Conflict)]
    [TestCase(RejectionReason.Unprocessable, HttpStatusCode.UnprocessableEntity)]
    public async Task Launcher_rejection_is_answered_with_its_status_and_detail(RejectionReason reason, HttpStatusCode expected)
    {
        var templateId = StandInLauncher.Refusals.Single(refusal => refusal.Value == reason).Key;
        var requestId = $"rejected-{reason}";
        var body = ValidBody(requestId);
        body["template"]!["id"] = templateId;

        using var response = await PostAsync(body);

        var problem = await Problems.ReadAsync(response, expected);
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"Template {templateId} refused as {reason}."));
        Assert.That(await StoredWithRequestIdAsync(requestId), Is.Zero);
    }

    [Test]
    public async Task Launcher_that_does_not_answer_is_answered_503_with_what_to_do()
    {
        var body = ValidBody("launcher-silent");
        body["template"]!["id"] = StandInLauncher.SilentTemplateId;

        using var response = await PostAsync(body);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("did not answer").And.Contain("request_id"));
    }

    private static IEnumerable<TestCaseData> InvalidBodies()
    {
        TestCaseData Case(string name, string field, Action<JsonObject> change)
        {
            var body = ValidBody("invalid-" + name);
            change(body);
            return new TestCaseData(body.ToJsonString(), field).SetArgDisplayNames(name);
        }

        TestCaseData Raw(string name, string body) => new TestCaseData(body, "body").SetArgDisplayNames(name);

        yield return Raw("malformed JSON", """{"request_id": "x",""");
        yield return Raw("empty body", "");
        yield return Raw("array body", "[]");
        yield return Raw("null body", "null");
        yield return Case("request_id missing", "request_id", body => body.Remove("request_id"));
        yield return Case("request_id a number", "request_id", body => body["request_id"] = 12);
        yield return Case("request_id blank", "request_id", body => body["request_id"] = "   ");
        yield return Case("request_id absurdly long", "request_id", body => body["request_id"] = new string('r', 201));
        yield return Case("template missing", "template", body => body.Remove("template"));
        yield return Case("template a string", "template", body => body["template"] = "job");
        yield return Case("template kind unknown", "template.kind", body => body["template"]!["kind"] = "playbook");
        yield return Case("template kind missing", "template.kind", body => body["template"]!.AsObject().Remove("kind"));
        yield return Case("template id a string", "template.id", body => body["template"]!["id"] = "7");
        yield return Case("template id zero", "template.id", body => body["template"]!["id"] = 0);
        yield return Case("template id fractional", "template.id", body => body["template"]!["id"] = 1.5);
        yield return Case("template id too big", "template.id", body => body["template"]!["id"] = 99_999_999_999L);
        yield return Case("template name missing", "template.name", body => body["template"]!.AsObject().Remove("name"));
        yield return Case("template name absurdly long", "template.name", body => body["template"]!["name"] = new string('n', 513));
        yield return Case("extra_vars an array", "extra_vars", body => body["extra_vars"] = new JsonArray(1, 2));
        yield return Case("extra_vars a string", "extra_vars", body => body["extra_vars"] = "tenant=blue");
        yield return Case("extra_vars absurdly long", "extra_vars", body => body["extra_vars"] = new JsonObject { ["blob"] = new string('x', 1024 * 1024) });
        yield return Case("limit a number", "limit", body => body["limit"] = 5);
        yield return Case("limit absurdly long", "limit", body => body["limit"] = new string('l', 4097));
        yield return Case("inventory negative", "inventory", body => body["inventory"] = -1);
        yield return Case("inventory a string", "inventory", body => body["inventory"] = "three");
        yield return Case("credentials a string", "credentials", body => body["credentials"] = "4");
        yield return Case("credentials holding a string", "credentials", body => body["credentials"] = new JsonArray(4, "five"));
        yield return Case("credentials holding zero", "credentials", body => body["credentials"] = new JsonArray(0));
        yield return Case("credentials absurdly many", "credentials", body => body["credentials"] = new JsonArray(Enumerable.Range(1, 101).Select(id => (JsonNode)id).ToArray()));
        yield return Case("launched_by missing", "launched_by", body => body.Remove("launched_by"));
        yield return Case("launched_by absurdly long", "launched_by", body => body["launched_by"] = new string('a', 201));
    }

    private static JsonObject ValidBody(string requestId) => new()
    {
        ["request_id"] = requestId,
        ["template"] = new JsonObject { ["kind"] = "job", ["id"] = 7, ["name"] = "Configure fabric" },
        ["extra_vars"] = new JsonObject { ["tenant"] = "blue" },
        ["limit"] = "leaf-*",
        ["inventory"] = 3,
        ["credentials"] = new JsonArray(4, 5),
        ["launched_by"] = "alice",
    };

    private Task<HttpResponseMessage> PostAsync(JsonObject body) =>
        Http.PostAsync("/api/v1/executions", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("id").GetGuid();

    private Task<long> StoredWithRequestIdAsync(string requestId) =>
        environment.Data.CountAsync("select count(*) from executions where request_id = @requestId", new { requestId });
}
