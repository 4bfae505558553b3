using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class EditorTests(BrowserFixture browser)
{
    private Task<JsonObject> GetConfigAsync(string id) => TestConfigs.GetConfigAsync(browser, id);

    private Task<string> NewConfigAsync(string prefix) => TestConfigs.CreateAsync(browser, prefix);

    private static Task OpenAsync(IPage page, string id, string? tab = null) => EditorPage.OpenAsync(page, id, tab);

    [Fact]
    public async Task Full_user_edits_typed_values_previews_and_saves_and_GetConfig_changes()
    {
        var id = await NewConfigAsync("edit");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await OpenAsync(page, id, "variables");

        var wait = page.GetByLabel("maxWaitTime", new() { Exact = true });
        await wait.FillAsync("");
        await wait.PressSequentiallyAsync("9x0");   // the number field refuses the letter
        await Expect(wait).ToHaveValueAsync("90");
        await page.GetByRole(AriaRole.Switch, new() { Name = "closure" }).Or(page.GetByRole(AriaRole.Checkbox, new() { Name = "closure" })).First.ClickAsync();
        await EditorPage.ShowTabAsync(page, "Prompts");
        await page.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>Welcome back.</speak>");

        var preview = page.GetByTestId("preview-map");
        await Expect(preview).ToContainTextAsync("90");
        await Expect(preview).ToContainTextAsync("Welcome back.");
        await Expect(page.GetByText("bytes (Amazon Connect's limit)")).ToBeVisibleAsync();

        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();

        var live = await GetConfigAsync(id);
        Assert.Equal("90", live["maxWaitTime"]!.GetValue<string>());
        Assert.Equal("true", live["closure"]!.GetValue<string>());
        Assert.Equal("<speak>Welcome back.</speak>", live["greeting"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Client_validation_names_the_field_and_blocks_save()
    {
        var id = await NewConfigAsync("invalid");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await OpenAsync(page, id, "prompts");
        await page.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>unclosed");
        await Expect(page.GetByText("The SSML is not well-formed.").First).ToBeVisibleAsync();

        // Save stays available (the Cloudscape way) but refuses, naming the field, and nothing is reviewed or sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Not saved: fix the highlighted fields")).ToBeVisibleAsync();
        await Expect(page.GetByText("prompts.greeting.en-US.voice")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal("<speak>Hello.</speak>", (await GetConfigAsync(id))["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conflicting_save_in_a_second_page_says_someone_else_changed_it()
    {
        var id = await NewConfigAsync("conflict");
        var first = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        var second = await SignIn.AsAsync(browser, "bob", ["FlowConfigAdmin"]);
        await OpenAsync(first, id, "prompts");
        await OpenAsync(second, id, "prompts");

        await first.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>From Alice.</speak>");
        await EditorPage.SaveAsync(first);
        await Expect(first.GetByText("Saved version 2.")).ToBeVisibleAsync();

        await second.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>From Bob.</speak>");
        await EditorPage.SaveAsync(second);
        await Expect(second.GetByText("Changed by someone else", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("<speak>From Alice.</speak>", (await GetConfigAsync(id))["greeting"]!.GetValue<string>());

        await second.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        var comparison = second.GetByRole(AriaRole.Table, new() { Name = "Their version and your changes" });
        await Expect(comparison).ToContainTextAsync("<speak>From Alice.</speak>");
        await Expect(comparison).ToContainTextAsync("<speak>From Bob.</speak>");

        await second.GetByRole(AriaRole.Button, new() { Name = "Reload" }).ClickAsync();
        await Expect(second.GetByLabel("Voice text, greeting en-US")).ToHaveValueAsync("<speak>From Alice.</speak>");
        await Expect(second.GetByText("Changed by someone else", new() { Exact = true })).ToHaveCountAsync(0);
        browser.AssertCleanConsole(first);
        // The refused save is a 412 the browser reports; nothing else may have gone wrong.
        browser.AssertCleanConsole(second, expected: e => e.Contains("412"));
    }

    [Fact]
    public async Task Read_user_sees_everything_disabled_and_no_save()
    {
        var id = await NewConfigAsync("read");
        var page = await SignIn.AsAsync(browser, "reese", ["FlowConfigRead"]);
        await OpenAsync(page, id, "variables");
        await Expect(page.GetByText("You have read access")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("maxWaitTime", new() { Exact = true })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("preview-map")).ToContainTextAsync("600");
    }

    [Fact]
    public async Task Edit_user_changes_values_but_not_structure()
    {
        var id = await NewConfigAsync("editor");
        var page = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await OpenAsync(page, id);
        await Expect(page.GetByLabel("Description")).ToBeDisabledAsync();
        await EditorPage.ShowTabAsync(page, "Prompts");
        await Expect(page.GetByLabel("Voice text, greeting en-US")).ToBeEditableAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove prompt greeting" })).ToHaveCountAsync(0);
        await EditorPage.ShowTabAsync(page, "Variables");
        await Expect(page.GetByLabel("New variable name")).ToHaveCountAsync(0);

        await page.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("120");
        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        Assert.Equal("120", (await GetConfigAsync(id))["maxWaitTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Full_user_creates_a_config_from_scratch()
    {
        var id = $"queue/created-{Guid.NewGuid():N}"[..22];
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync(id);
        await page.GetByLabel("Description").FillAsync("Created in the browser");
        await EditorPage.ShowTabAsync(page, "Variables");
        await page.GetByLabel("New variable name").FillAsync("tier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await page.GetByLabel("tier", new() { Exact = true }).FillAsync("gold");
        await EditorPage.ShowTabAsync(page, "Prompts");
        await page.GetByLabel("New prompt name").FillAsync("welcome");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add prompt" }).ClickAsync();
        await page.GetByLabel("Voice text, welcome en-US").FillAsync("Welcome, valued customer.");
        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 1.")).ToBeVisibleAsync();

        var live = await GetConfigAsync(id);
        Assert.Equal("gold", live["tier"]!.GetValue<string>());
        Assert.Equal("Welcome, valued customer.", live["welcome"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }
}
