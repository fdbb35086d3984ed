using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>A fresh browser context (storage, cookies) and page per test, signed in the way an operator's link signs in.</summary>
public abstract class BrowserTest
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private IBrowserContext? context;

    protected static BrowserPipeline Pipeline => BrowserSession.Pipeline;

    protected IPage Page { get; private set; } = null!;

    protected HttpClient Gateway { get; private set; } = null!;

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        context = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 960 },
        });
        context.SetDefaultTimeout((float)Deadline.TotalMilliseconds);
        Page = await context.NewPageAsync();
        Gateway = Pipeline.CreateGatewayClient();
    }

    [TearDown]
    public async Task CloseBrowserAsync()
    {
        Gateway.Dispose();
        if (context is not null)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Sets what the app reads from <c>window.fabrikConfig</c> before it starts, for every page of the test.</summary>
    protected Task ConfigureAppAsync(string configJson) =>
        context!.AddInitScriptAsync($"window.fabrikConfig = {configJson};");

    /// <summary>Opens a page of the app with the key handed in the fragment, as a link from the portal would.</summary>
    protected async Task OpenAsync(string path, string key = BrowserPipeline.OperatorKey)
    {
        await Page.GotoAsync(new Uri(Pipeline.GatewayUrl, path) + "#key=" + Uri.EscapeDataString(key));
        await Assertions.Expect(Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    protected static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        return Path.Combine(RepositoryPaths.Screenshots, name);
    }
}
