using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class HistoryAndSettingsTests(BrowserFixture browser)
{
    [Fact]
    public async Task History_compares_two_versions_and_rolls_back_after_confirmation()
    {
        var id = await TestConfigs.CreateAsync(browser, "history", closure: "false");
        await TestConfigs.SaveAsync(browser, id, closure: "true");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GotoAsync("/configs/" + Uri.EscapeDataString(id) + "/history");

        var revisions = page.GetByRole(AriaRole.Table, new() { Name = "Revisions" });
        await Expect(revisions.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header + 2 versions
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 1" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 2" }).CheckAsync();
        var differences = page.GetByRole(AriaRole.Table, new() { Name = "Differences" });
        await Expect(differences).ToContainTextAsync("variables.closure");

        // One selected version is what a rollback restores.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 2" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to version 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true }).ClickAsync();
        await Expect(page.GetByText("version 3 now has the content of version 1")).ToBeVisibleAsync();
        await Expect(revisions.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        Assert.Equal("false", (await TestConfigs.GetConfigAsync(browser, id))["closure"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Read_user_sees_history_without_rollback()
    {
        var id = await TestConfigs.CreateAsync(browser, "readhist");
        await TestConfigs.SaveAsync(browser, id, closure: "true");
        var page = await SignIn.AsAsync(browser, "reese", ["FlowConfigRead"]);
        await page.GotoAsync("/configs/" + Uri.EscapeDataString(id) + "/history");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Revisions" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Roll back to version 1" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Settings_change_voices_for_full_users_only()
    {
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        var voices = admin.GetByLabel("Voices of locale 1");
        await Expect(voices).Not.ToHaveValueAsync("");
        var before = await voices.InputValueAsync();
        await voices.FillAsync(before + ", Kendra");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByText("Settings saved")).ToBeVisibleAsync();

        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigRead"]));
        var settings = JsonNode.Parse(await client.GetStringAsync("/api/settings"))!;
        Assert.Contains("Kendra", settings["locales"]![0]!["voices"]!.AsArray().Select(v => v!.GetValue<string>()));

        var editor = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task Import_shows_per_item_results_and_export_downloads_json()
    {
        var good = $"imported-{Guid.NewGuid():N}"[..20];
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new object[]
        {
            new { id = good, description = "Imported", variables = new { a = "1" }, prompts = new { } },
            new { id = "../bad", description = "Bad", variables = new { }, prompts = new { } },
        }));

        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).Last.ClickAsync();
        var results = page.GetByRole(AriaRole.Table, new() { Name = "Import results" });
        await Expect(results).ToContainTextAsync("created");
        await Expect(results).ToContainTextAsync("failed");
        Assert.Equal("1", (await TestConfigs.GetConfigAsync(browser, good))["a"]!.GetValue<string>());

        await page.GetByLabel("Configs to export").ClickAsync();
        // The menu holds the first ids the server returns; typing asks the server for those with the prefix.
        await page.GetByLabel("Find configs by id prefix").FillAsync(good);
        await page.GetByRole(AriaRole.Option, new() { Name = good }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download JSON" }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsArray();
        Assert.Equal(good, Assert.Single(exported)!["id"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
        File.Delete(file);
    }
}
