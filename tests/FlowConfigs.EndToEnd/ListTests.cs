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
        // Other tests' configs share this gateway: later ids (queue/...) may be pages away until filtered for.
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import" })).ToBeVisibleAsync();

        await page.GetByLabel("Filter flow configs").FillAsync("queue/");
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

    [Fact]
    public async Task The_list_pages_from_the_server_and_fetches_more_when_paging_past_what_it_has()
    {
        // 120 configs: more than one server page (100) and several table pages (25).
        var prefix = $"pages-{Guid.NewGuid():N}"[..18] + "/";
        var ids = Enumerable.Range(0, 120).Select(i => prefix + i.ToString("d3")).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await TestConfigs.SaveAsync(browser, id, "false"));
        var api = new List<string>();

        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        page.Request += (_, request) => { if (request.Url.Contains("/api/flow-config?", StringComparison.Ordinal)) api.Add(request.Url); };
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = ids[0] })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = ids[24] })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = ids[25] })).ToHaveCountAsync(0);
        await Expect(page.GetByText("(100+)")).ToBeVisibleAsync();

        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next page" });
        for (var i = 0; i < 4; i++)
            await next.ClickAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = ids[100] })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = ids[119] })).ToBeVisibleAsync();
        await Expect(page.GetByText("(120)")).ToBeVisibleAsync();
        await Expect(next).ToBeDisabledAsync();

        // The text went to the server, and the fifth table page was the second server page.
        Assert.Contains(api, url => url.Contains("q=" + Uri.EscapeDataString(prefix), StringComparison.Ordinal) && url.Contains("cursor=", StringComparison.Ordinal));
        browser.AssertCleanConsole(page);
    }
}
