using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The Operations page: an admin sees this task with its read figures; anyone else neither finds nor opens it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_sees_this_task_active_with_its_hit_rate_and_refreshes_it()
    {
        var id = await TestConfigs.CreateAsync(browser, "ops");
        for (var i = 0; i < 3; i++) await TestConfigs.GetConfigAsync(browser, id);

        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Operations", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Operations", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin).ToHaveTitleAsync("Operations · FlowConfigs");

        var rows = admin.GetByRole(AriaRole.Table, new() { Name = "Tasks" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        var task = rows.First;
        await Expect(task).ToContainTextAsync("This task");
        await Expect(task).ToContainTextAsync("Active");
        await Expect(task).ToContainTextAsync(new Regex(@"\d{1,3}\.\d %"));
        var figures = task.GetByText(new Regex(@"^[\d,]+ hits, [\d,]+ misses, [\d,]+ copies$"));
        var before = await figures.TextContentAsync();

        await TestConfigs.GetConfigAsync(browser, id);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Refresh the cluster view" }).ClickAsync();
        await Expect(figures).Not.ToHaveTextAsync(before!);
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task Someone_without_Full_on_every_config_has_no_Operations_item_and_the_route_says_why()
    {
        var editor = await SignIn.AsAsync(browser, "eve", ["FlowConfigEdit"], full: "queue/*", edit: "*");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Calendars", Exact = true })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Operations", Exact = true })).ToHaveCountAsync(0);

        await editor.GotoAsync("/operations");
        await Expect(editor.GetByText("No access to operations")).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Table, new() { Name = "Tasks" })).ToHaveCountAsync(0);
        // The page does not ask for what it would be refused: no 403 in the console.
        browser.AssertCleanConsole(editor);
    }
}
