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
}
