using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// The editor and the history at a desktop, a small laptop and a phone width, and framed at 900 px as in the Agent
/// Workspace: nothing wider than the page, no button squeezed below its label, the result of a change in view.
/// </summary>
[Collection(LayoutCollection.Name)]
public sealed class ResponsiveLayoutTests(BrowserFixture browser)
{
    public static TheoryData<int, bool> Viewports => new() { { 1440, false }, { 1024, false }, { 390, false }, { 900, true } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Editor_fits_and_confirms_a_save_in_view(int width, bool framed)
    {
        var viewport = new Viewport(width, framed);
        var id = await TestConfigs.CreateAsync(browser, "fit-edit");
        var (page, app) = await viewport.OpenAsync(browser, "alice", ["FlowConfigAdmin"], "/configs/" + Uri.EscapeDataString(id));

        foreach (var tab in new[] { "Details", "Variables", "Prompts", "History" })
        {
            await app.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
            await Expect(app.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
            await Layout.AssertFitsAsync(app, $"{viewport}, {tab} tab");
        }

        await app.GetByRole(AriaRole.Tab, new() { Name = "Variables", Exact = true }).ClickAsync();
        await app.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("45");
        await Expect(app.GetByText("Unsaved changes", new() { Exact = true })).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(app, $"{viewport}, with unsaved changes");
        await EditorPage.SaveAsync(app);
        await EditorPage.ExpectInViewportAsync(app.GetByText("Saved version 2."));
        Assert.Equal("45", (await TestConfigs.GetConfigAsync(browser, id))["maxWaitTime"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task History_fits_selects_every_version_and_confirms_a_rollback_in_view(int width, bool framed)
    {
        var viewport = new Viewport(width, framed);
        var id = await EditorPage.CreateWithVersionsAsync(browser, "fit-hist", versions: 7);
        var (page, app) = await viewport.OpenAsync(browser, "alice", ["FlowConfigAdmin"], "/configs/" + Uri.EscapeDataString(id) + "/history");
        var revisions = app.GetByRole(AriaRole.Table, new() { Name = "Revisions" });
        await Expect(revisions.GetByRole(AriaRole.Row)).ToHaveCountAsync(8); // header + 7 versions
        await Layout.AssertFitsAsync(app, $"{viewport}, history");

        await app.GetByRole(AriaRole.Checkbox, new() { Name = "All versions" }).CheckAsync();
        for (var v = 1; v <= 7; v++)
            await Expect(app.GetByRole(AriaRole.Checkbox, new() { Name = $"Version {v}", Exact = true })).ToBeCheckedAsync();
        await app.GetByRole(AriaRole.Checkbox, new() { Name = "All versions" }).UncheckAsync();

        await app.GetByRole(AriaRole.Checkbox, new() { Name = "Version 4", Exact = true }).CheckAsync();
        await Layout.AssertFitsAsync(app, $"{viewport}, history with a version selected");
        await app.GetByRole(AriaRole.Button, new() { Name = "Roll back to version 4" }).ClickAsync();
        var dialog = app.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("variables.closure");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back", Exact = true }).ClickAsync();
        await EditorPage.ExpectInViewportAsync(app.GetByText("Version 8 now has the content of version 4."));
        browser.AssertCleanConsole(page);
    }
}
