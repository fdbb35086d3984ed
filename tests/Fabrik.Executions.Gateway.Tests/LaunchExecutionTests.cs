using System.Net;
using System.Net.Http.Json;
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
        var body = LaunchBodies.Valid("launch-202");
        body["extra_vars"] = JsonNode.Parse("""{"tenant":"blue","vlans":[10,20],"nested":{"on":true}}""");

        using var response = await Http.PostAsync(body);

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
            Assert.That(execution.GetProperty("launched_by").GetString(), Is.EqualTo(GatewayHost.OperatorName), "the caller, not the body's alice");
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
        using var first = await Http.PostAsync(LaunchBodies.Valid("launch-twice"));
        using var second = await Http.PostAsync(LaunchBodies.Valid("launch-twice"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await IdOf(second), Is.EqualTo(await IdOf(first)));
        Assert.That(await StoredWithRequestIdAsync("launch-twice"), Is.EqualTo(1));
    }

    [TestCase(RejectionReason.Invalid, HttpStatusCode.BadRequest)]
    [TestCase(RejectionReason.NotFound, HttpStatusCode.NotFound)]
    [TestCase(RejectionReason.Conflict, HttpStatusCode.Conflict)]
    [TestCase(RejectionReason.Unprocessable, HttpStatusCode.UnprocessableEntity)]
    public async Task Launcher_rejection_is_answered_with_its_status_and_detail(RejectionReason reason, HttpStatusCode expected)
    {
        var templateId = StandInLauncher.Refusals.Single(refusal => refusal.Value == reason).Key;
        var requestId = $"rejected-{reason}";
        var body = LaunchBodies.Valid(requestId);
        body["template"]!["id"] = templateId;

        using var response = await Http.PostAsync(body);

        var problem = await Problems.ReadAsync(response, expected);
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"Template {templateId} refused as {reason}."));
        Assert.That(await StoredWithRequestIdAsync(requestId), Is.Zero);
    }

    [Test]
    public async Task Launcher_that_does_not_answer_is_answered_503_with_what_to_do()
    {
        var body = LaunchBodies.Valid("launcher-silent");
        body["template"]!["id"] = StandInLauncher.SilentTemplateId;

        using var response = await Http.PostAsync(body);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("did not answer").And.Contain("request_id"));
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("id").GetGuid();

    private Task<long> StoredWithRequestIdAsync(string requestId) =>
        environment.Data.CountAsync("select count(*) from executions where request_id = @requestId", new { requestId });
}
