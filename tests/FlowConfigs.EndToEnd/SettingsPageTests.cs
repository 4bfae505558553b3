using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The settings page against the real gateway and espeak-ng: pickers fed by the voice list, plain messages, access.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(BrowserFixture browser)
{
    private async Task<JsonNode> StoredSettingsAsync()
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigRead"]));
        return JsonNode.Parse(await client.GetStringAsync("/api/settings"))!;
    }

    private static ILocator Voices(IPage page, int locale) => page.GetByRole(AriaRole.Button, new() { Name = $"Voices of locale {locale}" });

    private static async Task PickVoiceAsync(IPage page, int locale, string voice)
    {
        await Voices(page, locale).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = voice }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    [Fact]
    public async Task A_full_user_picks_a_voice_the_engine_offers_and_saves()
    {
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(Voices(admin, 1)).ToBeEnabledAsync();

        await PickVoiceAsync(admin, 1, "en-us-nyc");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByText("Settings saved")).ToBeVisibleAsync();

        var english = (await StoredSettingsAsync())["locales"]!.AsArray().First(l => l!["code"]!.GetValue<string>() == "en-US")!;
        Assert.Contains("en-us-nyc", english["voices"]!.AsArray().Select(v => v!.GetValue<string>()));
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task A_voice_the_engine_does_not_offer_is_refused_beside_the_field_in_plain_words_and_cleared_when_removed()
    {
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        // The list the page was given offered a voice the engine no longer has by the time of saving.
        await admin.RouteAsync("**/api/speech/voices", async route =>
        {
            var response = await route.FetchAsync();
            var list = JsonNode.Parse(await response.TextAsync())!;
            list["voices"]!.AsArray().Add(new JsonObject { ["id"] = "NotAVoice", ["name"] = "Not a voice", ["languageCodes"] = new JsonArray("en-US") });
            await route.FulfillAsync(new() { Response = response, Body = list.ToJsonString() });
        });
        var version = (await StoredSettingsAsync())["version"]!.GetValue<long>();
        await admin.GotoAsync("/settings");

        await PickVoiceAsync(admin, 1, "NotAVoice");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Beside the field (the notification repeats it after the locale's name).
        var message = admin.GetByText(new Regex("^The local speech engine \\(espeak-ng\\) has no voice called NotAVoice\\. Choose one of: "));
        await Expect(message).ToBeVisibleAsync();
        await Expect(admin.GetByText("Settings not saved")).ToBeVisibleAsync();
        Assert.DoesNotContain("locales[", await admin.Locator("body").InnerTextAsync());
        Assert.Equal(version, (await StoredSettingsAsync())["version"]!.GetValue<long>());

        await admin.GetByRole(AriaRole.Button, new() { Name = "Remove NotAVoice" }).ClickAsync();
        await Expect(message).ToHaveCountAsync(0);
        browser.AssertCleanConsole(admin, error => error.Contains("400"));
    }

    [Fact]
    public async Task Required_messages_wait_for_a_touch_or_a_save_and_go_as_the_field_is_filled()
    {
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GotoAsync("/settings");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add locale" }).ClickAsync();
        var chooseLanguage = admin.GetByText("Choose a language.");
        var enterName = admin.GetByText("Enter a name people recognize, such as English (US).");
        await Expect(admin.GetByLabel("Name of locale 3")).ToBeVisibleAsync();
        await Expect(chooseLanguage).ToHaveCountAsync(0);
        await Expect(enterName).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(chooseLanguage).ToBeVisibleAsync();
        await Expect(enterName).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Button, new() { Name = "Language of locale 3" }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "fr-FR" }).ClickAsync();
        await Expect(chooseLanguage).ToHaveCountAsync(0);
        // Choosing the language names the locale after it.
        await Expect(admin.GetByLabel("Name of locale 3")).Not.ToHaveValueAsync("");
        await Expect(enterName).ToHaveCountAsync(0);
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task An_edit_user_sees_the_settings_read_only_and_why()
    {
        var editor = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        await editor.GotoAsync("/settings");

        await Expect(editor.GetByText("Changing settings needs Full access on every flow config (*).")).ToBeVisibleAsync();
        await Expect(editor.GetByLabel("Name of locale 1")).Not.ToBeEditableAsync();
        // Read-only pickers stay focusable, so their values can be read out, but say they cannot be changed.
        await Expect(Voices(editor, 1)).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Language of locale 1" })).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Add locale" })).ToHaveCountAsync(0);
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Remove locale 1" })).ToHaveCountAsync(0);
        browser.AssertCleanConsole(editor);
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(1024)]
    [InlineData(390)]
    public async Task The_page_fits_the_window_without_sideways_scrolling(int width)
    {
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.SetViewportSizeAsync(width, 900);
        await admin.GotoAsync("/settings");
        await Expect(Voices(admin, 1)).ToBeEnabledAsync();
        await Layout.AssertNoSidewaysScrollAsync(admin.MainFrame, $"settings at {width} px");

        await Voices(admin, 1).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await Layout.AssertNoSidewaysScrollAsync(admin.MainFrame, $"settings at {width} px");
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task Play_turns_into_Stop_while_the_prompt_plays_and_stops_it()
    {
        var id = await TestConfigs.CreateAsync(browser, "play");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "prompts");
        await page.GetByLabel("Voice text, greeting en-US").FillAsync(
            "<speak>" + string.Concat(Enumerable.Repeat("Thank you for calling the branch office. Please stay on the line. ", 8)) + "</speak>");

        await page.GetByRole(AriaRole.Button, new() { Name = "Play greeting en-US" }).ClickAsync();
        var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop greeting en-US" });
        await Expect(stop).ToBeVisibleAsync();
        await Expect(stop).ToHaveTextAsync("Stop");

        await stop.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Play greeting en-US" })).ToBeVisibleAsync();
        await Expect(stop).ToHaveCountAsync(0);
        browser.AssertCleanConsole(page);
    }
}
