using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>What the editor offers to whom: creating needs create rights, deleting needs Full access and a typed id.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorAccessTests(BrowserFixture browser)
{
    [Fact]
    public async Task Create_page_is_read_only_and_says_why_for_a_user_who_cannot_create()
    {
        var page = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await page.GotoAsync("/configs/new");

        var alert = page.GetByText("Creating a config needs Full access");
        await Expect(alert).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Id", new() { Exact = true })).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Description")).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Full_user_deletes_a_config_after_typing_its_id()
    {
        var id = await TestConfigs.CreateAsync(browser, "delete");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Delete {id}?" });
        await Expect(dialog).ToBeVisibleAsync();
        var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });
        await Expect(confirm).ToBeDisabledAsync();
        var typed = dialog.GetByLabel("To confirm, type the config's id");
        await typed.FillAsync(id[..^1]);
        await Expect(confirm).ToBeDisabledAsync();
        await typed.FillAsync(id);
        await confirm.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flow configs" })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Deleted {id}.")).ToBeVisibleAsync();
        Assert.Null(await EditorPage.StoredAsync(browser, id));
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Edit_user_has_no_delete()
    {
        var id = await TestConfigs.CreateAsync(browser, "nodelete");
        var page = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await EditorPage.OpenAsync(page, id);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToHaveCountAsync(0);
    }
}
