using System.Net;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class ErrorResponseTests : EmulatorTest
{
    [TestCase("/api/v2/jobs/999999/")]
    [TestCase("/api/v2/jobs/999999/job_events/")]
    [TestCase("/api/v2/job_templates/999/")]
    [TestCase("/api/v2/no_such_thing/")]
    public async Task Unknown_resource_is_404_with_not_found_detail(string path)
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Get, path);

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Not found."));
    }

    [Test]
    public async Task Launching_an_unknown_template_is_404()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Post, "/api/v2/job_templates/999/launch/", new { });

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Not found."));
    }

    [Test]
    public async Task Unsupported_method_is_405_with_detail()
    {
        var (status, body) = await Api.SendAsync(HttpMethod.Delete, "/api/v2/job_templates/1/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(body.GetProperty("detail").GetString(), Is.EqualTo("Method \"DELETE\" not allowed."));
    }
}
