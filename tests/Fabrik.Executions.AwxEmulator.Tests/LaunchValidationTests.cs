using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class LaunchValidationTests : EmulatorTest
{
    [Test]
    public async Task Extra_vars_given_as_a_json_string_are_accepted()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/",
            new { extra_vars = "{\"emulator_hosts\": 2, \"emulator_events\": 30, \"emulator_events_per_second\": 0}" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        using var extraVars = JsonDocument.Parse(body.GetProperty("extra_vars").GetString()!);
        Assert.That(extraVars.RootElement.GetProperty("emulator_hosts").GetInt32(), Is.EqualTo(2));
    }

    [TestCase("[1, 2]")]
    [TestCase("\"just text\"")]
    [TestCase("42")]
    public async Task Extra_vars_that_are_not_an_object_are_400_naming_the_field(string extraVarsJson)
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/", $"{{\"extra_vars\": {extraVarsJson}}}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("extra_vars")[0].GetString(), Does.Contain("is not a dictionary").Or.Contain("Cannot parse"));
    }

    [Test]
    public async Task Fewer_events_than_the_hosts_need_is_400_with_the_minimum()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/",
            new { extra_vars = new { emulator_events = 10, emulator_hosts = 3 } });

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("extra_vars")[0].GetString(), Does.Contain("at least 20"));
    }

    [TestCase("{\"extra_vars\": {\"emulator_hosts\": \"many\"}}", "extra_vars")]
    [TestCase("{\"extra_vars\": {\"emulator_failed_hosts\": 4, \"emulator_hosts\": 3}}", "extra_vars")]
    [TestCase("{\"inventory\": \"lab\"}", "inventory")]
    [TestCase("{\"credentials\": 5}", "credentials")]
    [TestCase("{\"limit\": 7}", "limit")]
    [TestCase("{\"limit\": \"spine-*\"}", "limit")]
    public async Task Invalid_launch_fields_are_400_naming_the_field(string body, string field)
    {
        var (status, errors) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/", body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, Is.True, errors.ToString());
    }

    [Test]
    public async Task Malformed_json_is_400_with_a_detail()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/1/launch/", "{\"extra_vars\": ");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("detail").GetString(), Does.StartWith("JSON parse error"));
    }
}
