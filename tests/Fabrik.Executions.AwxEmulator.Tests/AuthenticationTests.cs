using System.Net;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class AuthenticationTests : EmulatorTest
{
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_answers_without_a_token_like_every_service(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseUrl };

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task Request_without_a_token_is_401_with_awx_detail()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseUrl };

        using var response = await anonymous.GetAsync("/api/v2/jobs/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("{\"detail\":\"Authentication credentials were not provided."));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [Test]
    public async Task Request_with_a_wrong_token_is_401()
    {
        using var stranger = new HttpClient { BaseAddress = Host.BaseUrl };
        stranger.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await stranger.GetAsync("/api/v2/job_templates/1/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Admin_endpoint_needs_the_same_token()
    {
        using var anonymous = new HttpClient { BaseAddress = Host.BaseUrl };

        using var refused = await anonymous.GetAsync("/_emulator/faults");
        var (status, _) = await Api.SendAsync(HttpMethod.Get, "/_emulator/faults");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }
}
