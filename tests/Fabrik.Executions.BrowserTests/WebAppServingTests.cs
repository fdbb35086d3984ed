using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.BrowserTests;

/// <summary>How the Gateway serves the built app: its pages, its files, and never in place of its own endpoints.</summary>
public sealed class WebAppServingTests
{
    private static BrowserPipeline Pipeline => BrowserSession.Pipeline;

    [TestCase("/")]
    [TestCase("/executions/0196b1c2-0000-7000-8000-000000000001")]
    public async Task The_app_pages_answer_index_html_with_a_policy_that_allows_no_inline_script(string path)
    {
        using var client = new HttpClient { BaseAddress = Pipeline.GatewayUrl };

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<div id=\"app\"></div>"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self';"));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
    }

    [Test]
    public async Task Built_assets_are_served_for_a_year_under_their_content_hash()
    {
        using var client = new HttpClient { BaseAddress = Pipeline.GatewayUrl };
        var script = Path.GetFileName(Directory.GetFiles(Path.Combine(RepositoryPaths.WebDist, "assets"), "*.js").First());

        using var response = await client.GetAsync($"/assets/{script}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromDays(365)));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    [TestCase("/api/v1/no-such-thing")]
    [TestCase("/hubs/no-such-hub")]
    [TestCase("/health/no-such-check")]
    [TestCase("/openapi/no-such-document.json")]
    [TestCase("/executions/0196b1c2-0000-7000-8000-000000000001/no-such-page")]
    public async Task Paths_that_are_not_app_pages_keep_their_own_404(string path)
    {
        using var client = Pipeline.CreateGatewayClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
    }

    [Test]
    public async Task A_Gateway_without_a_built_app_says_how_to_build_it()
    {
        var empty = Directory.CreateTempSubdirectory("fabrik-no-web-app-");
        var gateway = await Pipeline.StartGatewayServingAsync(empty.FullName);
        try
        {
            var address = gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            using var response = await client.GetAsync("/");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
            Assert.That(detail, Does.Contain("npm ci && npm run build").And.Contain(empty.FullName));
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
            empty.Delete();
        }
    }
}
