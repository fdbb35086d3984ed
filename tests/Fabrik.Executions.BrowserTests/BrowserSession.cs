using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// One pipeline and one headless Chromium for every browser test: Debian's chromium, driven by Playwright, never a
/// browser Playwright downloads.
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private static BrowserPipeline? pipeline;
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static BrowserPipeline Pipeline => pipeline ?? throw new InvalidOperationException("The browser session has not started.");

    public static IBrowser Browser => browser ?? throw new InvalidOperationException("The browser session has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ChromiumPath}, which is not installed: apt-get install -y chromium.");
        }

        Assertions.SetDefaultExpectTimeout(30_000);
        var webRoot = await WebAppBuild.EnsureBuiltAsync();
        pipeline = await BrowserPipeline.StartAsync(webRoot);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (pipeline is not null)
        {
            await pipeline.DisposeAsync();
        }
    }
}
