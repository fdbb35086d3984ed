using Microsoft.Playwright;

namespace Fabrik.Executions.BrowserTests;

/// <summary>Signing in with a key handed in the address or typed in, or with a token typed in, and what a role lets the page show.</summary>
public sealed class SignInTests : BrowserTest
{
    [Test]
    public async Task A_key_handed_in_the_address_is_kept_and_removed_from_the_address_bar()
    {
        await OpenAsync("/");

        await Assertions.Expect(Page).ToHaveURLAsync(Pipeline.GatewayUrl.ToString());
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(Page.GetByTestId("executions")).ToBeVisibleAsync();
        Assert.That(await Page.EvaluateAsync<string>("() => localStorage.getItem('fabrik.credential')"), Is.EqualTo(BrowserPipeline.OperatorKey));
    }

    [Test]
    public async Task A_refused_key_asks_for_another_and_a_typed_key_signs_in()
    {
        await Page.GotoAsync(new Uri(Pipeline.GatewayUrl, "/") + "#key=not-a-key-the-gateway-knows");

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("API key or token").FillAsync(BrowserPipeline.OperatorKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(Page.GetByTestId("executions")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_typed_token_from_the_identity_provider_signs_in_as_its_user_and_role()
    {
        var token = Pipeline.Tokens.Issue("olga", ["operator"]);
        await Page.GotoAsync(Pipeline.GatewayUrl.ToString());

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Page.GetByLabel("API key or token").FillAsync(token);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(Page.GetByTestId("principal")).ToHaveTextAsync("olga · operator");
        await Assertions.Expect(Page.GetByTestId("principal")).ToHaveAttributeAsync("data-role", "operator");
        await Assertions.Expect(Page.GetByTestId("executions")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_viewer_sees_no_action_buttons()
    {
        var executionId = await new StoredExecutions(Pipeline.Storage).CreateAsync(
            new Contracts.TemplateReference { Kind = Contracts.TemplateKind.Job, Id = 903, Name = "Viewed" },
            9_003,
            [new JobEventDraft("runner_on_failed", "fatal: [leaf-101.lab]: FAILED!", "leaf-101.lab")]);

        await OpenAsync($"/executions/{executionId}", BrowserPipeline.ViewerKey);

        await Assertions.Expect(Page.GetByTestId("principal")).ToHaveAttributeAsync("data-role", "viewer");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open in AWX" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("footer .actions button")).ToHaveCountAsync(0);
    }
}
