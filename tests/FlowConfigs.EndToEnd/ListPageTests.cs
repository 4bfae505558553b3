using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The list: search by any text, select configs to export, delete or duplicate, at any window width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListPageTests(BrowserFixture browser)
{
    private static string NewPrefix(string name) => $"{name}-{Guid.NewGuid():N}"[..16] + "/";

    /// <summary>A config made through the API by <paramref name="username"/>, with the description given.</summary>
    private async Task SaveAsync(string id, string description, string username = "setup")
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync(username, ["FlowConfigAdmin"]));
        var document = new JsonObject
        {
            ["description"] = description,
            ["variables"] = new JsonObject { ["closure"] = "false" },
            ["prompts"] = new JsonObject(),
        };
        (await client.PostAsJsonAsync("/api/flow-config/" + Uri.EscapeDataString(id), document)).EnsureSuccessStatusCode();
    }

    private async Task<HttpStatusCode> StatusOfAsync(string id)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigRead"]));
        using var response = await client.GetAsync("/api/flow-config/" + Uri.EscapeDataString(id));
        return response.StatusCode;
    }

    private static ILocator Table(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });

    private static ILocator Row(IPage page, string id) => Table(page).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }) });

    private static Task SelectAsync(IPage page, string id) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = "Select " + id, Exact = true }).CheckAsync();

    [Fact]
    public async Task Typing_Austin_finds_the_Austin_branch_whatever_the_case_and_text_finds_who_changed_a_config()
    {
        var prefix = NewPrefix("who");
        var changer = $"zed{Guid.NewGuid():N}"[..12];
        await SaveAsync(prefix + "a", "Plain line", username: changer);
        await SaveAsync(prefix + "b", "Plain line");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        var filter = page.GetByLabel("Filter flow configs");

        foreach (var text in new[] { "Austin", "austin", "AUSTIN BRANCH" })
        {
            await filter.FillAsync(text);
            await Expect(Table(page).GetByRole(AriaRole.Link, new() { Name = "branch-office-austin" })).ToBeVisibleAsync();
            await Expect(Table(page).GetByRole(AriaRole.Link, new() { Name = "queue/technical-support" })).ToHaveCountAsync(0);
        }

        await filter.FillAsync(changer.ToUpperInvariant());
        await Expect(Table(page).GetByRole(AriaRole.Link, new() { Name = prefix + "a", Exact = true })).ToBeVisibleAsync();
        await Expect(Table(page).GetByRole(AriaRole.Link, new() { Name = prefix + "b", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByText("(1)", new() { Exact = true })).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Selected_configs_export_as_one_json_file_and_delete_after_a_confirmation_naming_them()
    {
        var prefix = NewPrefix("bulk");
        string[] ids = [prefix + "one", prefix + "two", prefix + "three"];
        foreach (var id in ids) await SaveAsync(id, "Bulk test line");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        await Expect(Table(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(3);
        await SelectAsync(page, ids[0]);
        await SelectAsync(page, ids[1]);
        await Expect(page.GetByText("(2/3)")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export", Exact = true }).ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsArray();
        Assert.Equal(new[] { ids[0], ids[1] }.Order(StringComparer.Ordinal), exported.Select(c => c!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Delete 2 flow configs?");
        var listed = dialog.GetByRole(AriaRole.List, new() { Name = "Configs to delete" }).GetByRole(AriaRole.Listitem);
        await Expect(listed).ToHaveTextAsync([ids[0], ids[1]]);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(ids[0])); // nothing deleted before the confirmation
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Deleted 2 flow configs")).ToBeVisibleAsync();
        await Expect(Table(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(ids[0]));
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(ids[1]));
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(ids[2]));
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Delete_is_offered_only_for_configs_the_user_has_full_access_on()
    {
        var prefix = NewPrefix("mixed");
        await SaveAsync(prefix + "full", "Mixed access line");
        await SaveAsync(prefix + "read", "Mixed access line");
        var page = await SignIn.AsAsync(browser, "tess", [], full: prefix + "full", read: prefix + "*");
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        var delete = page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });

        await Expect(delete).ToBeDisabledAsync();
        await SelectAsync(page, prefix + "read");
        await Expect(delete).ToBeDisabledAsync();
        await SelectAsync(page, prefix + "full");
        await Expect(delete).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select " + prefix + "read", Exact = true }).UncheckAsync();
        await Expect(delete).ToBeEnabledAsync();
        await Expect(Row(page, prefix + "read")).ToContainTextAsync("Read");
    }

    [Fact]
    public async Task Duplicate_asks_for_the_new_id_creates_the_copy_and_opens_it()
    {
        var prefix = NewPrefix("dup");
        var source = prefix + "source";
        await SaveAsync(source, "Duplicate me");
        await SaveAsync(source, "Duplicate me, version 2");
        var taken = prefix + "taken";
        await SaveAsync(taken, "Already here");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        await SelectAsync(page, source);

        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New id").FillAsync(taken);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Duplicate", Exact = true }).ClickAsync();
        await Expect(dialog).ToContainTextAsync($"A flow config with id {taken} exists already");
        var copy = prefix + "copy";
        await dialog.GetByLabel("New id").FillAsync(copy);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Duplicate", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/configs/" + System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(copy)) + "$"));
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync("Duplicate me, version 2");
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigRead"]));
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/flow-config/" + Uri.EscapeDataString(copy)))!;
        Assert.Equal(1, stored["version"]!.GetValue<long>());
        Assert.Equal("alice", stored["updatedBy"]!.GetValue<string>());
        Assert.Equal("Already here", JsonNode.Parse(await client.GetStringAsync("/api/flow-config/" + Uri.EscapeDataString(taken)))!["description"]!.GetValue<string>());
        // The refused first try is a 412 the browser reports; nothing else may have gone wrong.
        browser.AssertCleanConsole(page, expected: e => e.Contains("412"));
    }

    [Theory]
    [MemberData(nameof(Layout.WidthCases), MemberType = typeof(Layout))]
    public async Task The_list_fits_the_window_with_every_action_showing(int width)
    {
        var prefix = NewPrefix("fit");
        // Long ids and descriptions are what pushed columns off the screen.
        var longId = prefix + "regional-contact-center/emergency-overflow-routing-for-the-northwest-branch-offices";
        await SaveAsync(longId, "Overflow routing for every branch office in the northwest region, used when the main queues are closed or full for more than ten minutes");
        await SaveAsync(prefix + "short", "Short");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await Layout.ResizeAsync(page, width);
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        await Expect(Table(page).GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await SelectAsync(page, prefix + "short");

        await Layout.AssertFitsAsync(page, $"list at {width} px", noScrollingRegions: width >= 1024);
        browser.AssertCleanConsole(page);
    }
}
