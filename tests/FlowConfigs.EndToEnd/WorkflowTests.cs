using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>What a business user relies on beyond the happy path: warnings, expiry, hearing prompts, accessibility, framing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkflowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Edit_user_adds_a_language_hears_it_and_saves()
    {
        var id = await TestConfigs.CreateAsync(browser, "language");
        var page = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await EditorPage.OpenAsync(page, id, "prompts");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a language to greeting" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "(es-US)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add language" }).ClickAsync();
        await page.GetByLabel("Voice text, greeting es-US").FillAsync("Hola, gracias por llamar.");

        var speech = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Play greeting es-US" }).ClickAsync(),
            response => response.Url.EndsWith("/api/preview-speech"));
        Assert.Equal(200, speech.Status);
        Assert.Equal("audio/wav", (await speech.HeaderValueAsync("content-type"))?.Split(';')[0]);
        // Playing and adding are not saving: nothing is stored until Save.
        await Expect(page.GetByText("Saved version")).ToHaveCountAsync(0);

        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        var spanish = await TestConfigs.GetConfigAsync(browser, id, "?lang=es-US");
        Assert.Equal("Hola, gracias por llamar.", spanish["greeting"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first()
    {
        var id = await TestConfigs.CreateAsync(browser, "unsaved");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "variables");
        await page.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("42");

        await page.GetByRole(AriaRole.Link, new() { Name = "Flow configs" }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Leave without saving?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(page.GetByLabel("maxWaitTime", new() { Exact = true })).ToHaveValueAsync("42");

        await page.GetByRole(AriaRole.Link, new() { Name = "Flow configs" }).First.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flow configs" })).ToBeVisibleAsync();
        Assert.Equal("600", (await TestConfigs.GetConfigAsync(browser, id))["maxWaitTime"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task A_rejected_token_sends_the_user_back_to_sign_in()
    {
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.EvaluateAsync("""
            () => {
              const session = JSON.parse(sessionStorage.getItem("flowconfigs.session"));
              session.token = session.token.slice(0, -4) + "AAAA";
              sessionStorage.setItem("flowconfigs.session", JSON.stringify(session));
            }
            """);
        await page.GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        // The 401s themselves are expected here; nothing else may have gone wrong.
        browser.AssertCleanConsole(page, expected: e => e.Contains("401"));
    }

    [Fact]
    public async Task Sign_in_works_from_the_keyboard_and_every_field_has_a_label()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Username").FocusAsync();
        await page.Keyboard.TypeAsync("kim");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flow configs" })).ToBeVisibleAsync();

        await page.GotoAsync("/configs/branch-office-austin");
        await Expect(page.GetByLabel("Description")).ToBeVisibleAsync();
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("input:not([type=hidden]), textarea, button")]
              .filter(el => el.offsetParent !== null)
              .filter(el => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.textContent.trim()))
              .map(el => el.outerHTML.slice(0, 120))
            """);
        Assert.Empty(unlabelled);
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Only_allowed_origins_may_frame_the_app()
    {
        var foreign = await browser.NewPageAsync();
        // A page of another origin (about:blank's opaque origin) framing the app is refused by the browser.
        await foreign.SetContentAsync($"<iframe id=app title=app src=\"{browser.BaseUrl}/\"></iframe>");
        await Expect(foreign.FrameLocator("#app").GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0);

        // Framed by its own origin ('self'), as the Agent Workspace frames it from an allowed origin, it runs.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/health/live");
        await page.SetContentAsync($"<iframe id=app title=app src=\"{browser.BaseUrl}/\" style=\"width:1200px;height:800px\"></iframe>");
        await Expect(page.FrameLocator("#app").GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
