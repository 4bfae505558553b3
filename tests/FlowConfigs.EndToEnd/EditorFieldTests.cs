using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>Typing in the editor's fields: what a field keeps while typing, what Enter does, when problems show.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorFieldTests(BrowserFixture browser)
{
    [Fact]
    public async Task Typing_commas_in_select_options_keeps_them_and_saves_the_list()
    {
        var id = await TestConfigs.CreateAsync(browser, "commas");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "variables");

        var options = page.GetByLabel("Options of priority");
        await options.FillAsync("");
        await options.PressSequentiallyAsync("low, medium, high, urgent");
        await Expect(options).ToHaveValueAsync("low, medium, high, urgent");
        await options.PressAsync("Tab");
        await Expect(options).ToHaveValueAsync("low, medium, high, urgent");

        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        var stored = await EditorPage.StoredAsync(browser, id);
        Assert.Equal(["low", "medium", "high", "urgent"], stored!["schema"]!["priority"]!["options"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("medium", stored["variables"]!["priority"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Enter_in_a_field_never_saves()
    {
        var id = await TestConfigs.CreateAsync(browser, "enter");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        var writes = new List<string>();
        page.Request += (_, request) => { if (request.Method != "GET" && request.Url.Contains("/api/flow-config/" + id, StringComparison.Ordinal)) writes.Add(request.Url); };
        await EditorPage.OpenAsync(page, id, "variables");

        await page.GetByRole(AriaRole.Switch, new() { Name = "closure" }).Or(page.GetByRole(AriaRole.Checkbox, new() { Name = "closure" })).First.ClickAsync();
        var wait = page.GetByLabel("maxWaitTime", new() { Exact = true });
        await wait.FillAsync("30");
        await wait.PressAsync("Enter");
        // Whatever Enter set off has been sent by the time the network has been quiet for half a second.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(writes);
        Assert.Equal("false", (await TestConfigs.GetConfigAsync(browser, id))["closure"]!.GetValue<string>());
        await Expect(wait).ToHaveValueAsync("30");
        await Expect(page.GetByText("Unsaved changes", new() { Exact = true })).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task A_new_config_names_a_missing_description_only_after_the_field_is_left()
    {
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GotoAsync("/configs/new");
        var description = page.GetByLabel("Description");
        await Expect(description).ToBeEditableAsync();
        var required = page.GetByText("A description of 1 to 1,024 characters is required.");
        await Expect(required).ToHaveCountAsync(0);

        await description.FocusAsync();
        await description.PressAsync("Tab");
        await Expect(required).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task A_new_select_variable_takes_its_first_option()
    {
        var id = await TestConfigs.CreateAsync(browser, "select");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "variables");

        await page.GetByLabel("New variable name").FillAsync("tier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Type of tier" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "select", Exact = true }).ClickAsync();
        var options = page.GetByLabel("Options of tier");
        await options.FillAsync("");
        await options.PressSequentiallyAsync("gold, silver");
        await options.PressAsync("Tab");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "tier gold", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Choose one of the options.")).ToHaveCountAsync(0);
        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        Assert.Equal("gold", (await TestConfigs.GetConfigAsync(browser, id))["tier"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task A_save_from_far_down_the_page_is_confirmed_where_the_user_is_looking()
    {
        var id = await EditorPage.CreateTallAsync(browser, "tall", variables: 80);
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "variables");
        var last = page.GetByLabel("setting079", new() { Exact = true });
        await last.ScrollIntoViewIfNeededAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 2000, "the page should be scrolled far down");
        await last.FillAsync("changed");

        await EditorPage.SaveAsync(page);
        // Back down where the change was made: the confirmation is still in view.
        await last.ScrollIntoViewIfNeededAsync();
        await EditorPage.ExpectInViewportAsync(page.GetByText("Saved version 2."));
        browser.AssertCleanConsole(page);
    }
}
