using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class ListTests(BrowserFixture browser)
{
    [Fact]
    public async Task Full_user_sees_every_config_with_create_and_import()
    {
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "queue/technical-support" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import" })).ToBeVisibleAsync();

        await page.GetByLabel("Filter by id prefix").FillAsync("queue/");
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" })).ToHaveCountAsync(0);
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "queue/technical-support" })).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Tag_scoped_user_sees_only_matching_configs_and_no_create()
    {
        var page = await SignIn.AsAsync(browser, "tess", [], read: "queue/*");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "queue/technical-support" })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToHaveCountAsync(0);
    }
}
