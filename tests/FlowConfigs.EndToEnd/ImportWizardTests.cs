using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>Import as a wizard: choose a file, review what it would do (nothing written yet), import, follow the links.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportWizardTests(BrowserFixture browser)
{
    private static string NewPrefix(string name) => $"{name}-{Guid.NewGuid():N}"[..16] + "/";

    private static JsonObject Config(string id, string closure = "false", string description = "Imported line") => new()
    {
        ["id"] = id,
        ["description"] = description,
        ["variables"] = new JsonObject { ["closure"] = closure },
        ["schema"] = new JsonObject { ["closure"] = new JsonObject { ["type"] = "boolean" } },
        ["prompts"] = new JsonObject(),
    };

    private async Task<HttpClient> AdminClientAsync() => browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("setup", ["FlowConfigAdmin"]));

    private async Task SaveAsync(JsonObject config)
    {
        using var client = await AdminClientAsync();
        (await client.PostAsJsonAsync("/api/flow-config/" + Uri.EscapeDataString(config["id"]!.GetValue<string>()), config)).EnsureSuccessStatusCode();
    }

    private async Task<JsonObject?> ReadAsync(string id)
    {
        using var client = await AdminClientAsync();
        using var response = await client.GetAsync("/api/flow-config/" + Uri.EscapeDataString(id));
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<string> FileAsync(JsonArray items)
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, items.ToJsonString());
        return file;
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Row(ILocator table, string id) => table.GetByRole(AriaRole.Row).Filter(new() { HasText = id });

    /// <summary>Opens the wizard from the list, chooses the file and goes on to the review.</summary>
    private static async Task<ILocator> ReviewAsync(IPage page, string file)
    {
        await Button(page, "Import").ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Button(page, "Next").ClickAsync();
        return page.GetByRole(AriaRole.Table, new() { Name = "Import plan" });
    }

    [Fact]
    public async Task An_exported_config_imported_under_a_new_id_is_created_and_linked()
    {
        var prefix = NewPrefix("copy");
        var original = prefix + "austin";
        foreach (var closure in new[] { "false", "true", "false", "true" })
            await SaveAsync(Config(original, closure));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select " + original, Exact = true }).CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => Button(page, "Export").ClickAsync());
        var exported = JsonNode.Parse(await File.ReadAllTextAsync(await download.PathAsync()))!.AsArray();
        Assert.Equal(4, exported[0]!["version"]!.GetValue<long>());
        var copy = prefix + "austin-copy";
        exported[0]!["id"] = copy;
        var file = await FileAsync(exported);

        var plan = await ReviewAsync(page, file);
        await Expect(Row(plan, copy)).ToContainTextAsync("Create");
        await Button(page, "Next").ClickAsync();
        await Button(page, "Import").ClickAsync();

        var results = page.GetByRole(AriaRole.Table, new() { Name = "Import results" });
        await Expect(Row(results, copy)).ToContainTextAsync("Created");
        await Expect(Row(results, copy)).ToContainTextAsync("Version 1.");
        await Expect(page.GetByText("Imported 1 of 1 flow config")).ToBeVisibleAsync();
        await results.GetByRole(AriaRole.Link, new() { Name = copy }).ClickAsync();
        await Expect(page.GetByLabel("Description")).ToHaveValueAsync("Imported line");
        Assert.Equal("true", (await ReadAsync(copy))!["variables"]!["closure"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
        File.Delete(file);
    }

    [Fact]
    public async Task An_item_an_approval_rule_covers_is_shown_as_needing_approval_and_left_alone()
    {
        var prefix = NewPrefix("approval");
        var guarded = prefix + "guarded/line";
        await ChangeControlData.AddApprovalRuleAsync(browser, prefix + "guarded/*", 2);
        var open = prefix + "open";
        var file = await FileAsync(new JsonArray(Config(guarded), Config(open)));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);

        var plan = await ReviewAsync(page, file);
        await Expect(Row(plan, guarded)).ToContainTextAsync("Needs approval");
        await Expect(Row(plan, guarded)).ToContainTextAsync("needs 2 approvals before a change goes live");
        await Expect(Row(plan, open)).ToContainTextAsync("Create");
        await Button(page, "Next").ClickAsync();
        await Expect(page.GetByText("1 to create, 1 needing approval (save as a draft in the editor).")).ToBeVisibleAsync();
        await Button(page, "Import").ClickAsync();

        var results = page.GetByRole(AriaRole.Table, new() { Name = "Import results" });
        await Expect(Row(results, open)).ToContainTextAsync("Created");
        await Expect(Row(results, guarded)).ToContainTextAsync("Needs approval");
        Assert.Null(await ReadAsync(guarded));
        Assert.NotNull(await ReadAsync(open));
        browser.AssertCleanConsole(page);
        File.Delete(file);
    }

    [Fact]
    public async Task The_review_shows_each_items_fate_before_anything_is_written_and_overwrite_is_a_choice()
    {
        var prefix = NewPrefix("review");
        var existing = prefix + "existing";
        await SaveAsync(Config(existing));
        var fresh = prefix + "fresh";
        var broken = Config(prefix + "broken", closure: "perhaps");
        broken["description"] = "";
        var file = await FileAsync(new JsonArray(Config(existing, closure: "true"), Config(fresh), broken));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);

        var plan = await ReviewAsync(page, file);

        await Expect(Row(plan, existing)).ToContainTextAsync("Left alone");
        await Expect(Row(plan, existing)).ToContainTextAsync("already exists (version 1)");
        await Expect(Row(plan, fresh)).ToContainTextAsync("Create");
        await Expect(Row(plan, prefix + "broken")).ToContainTextAsync("Invalid");
        await Expect(Row(plan, prefix + "broken")).ToContainTextAsync("variables.closure");
        await Expect(Row(plan, prefix + "broken")).ToContainTextAsync("description");
        // The reasons wrap: every word of them is inside its cell, none cut off at the edge.
        var clipped = await Row(plan, prefix + "broken").EvaluateAsync<string[]>("""
            row => [...row.querySelectorAll("td")]
              .filter(cell => cell.scrollWidth > cell.clientWidth + 1 || [...cell.querySelectorAll("*")].some(e => e.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1))
              .map(cell => cell.textContent)
            """);
        Assert.Empty(clipped);
        Assert.Null(await ReadAsync(fresh));

        await page.GetByLabel("Overwrite existing configs").CheckAsync();
        await Expect(Row(plan, existing)).ToContainTextAsync("Overwrite");
        await Expect(Row(plan, existing)).ToContainTextAsync("Saved over version 1");
        Assert.Equal("false", (await ReadAsync(existing))!["variables"]!["closure"]!.GetValue<string>());
        await Button(page, "Next").ClickAsync();
        await Expect(page.GetByText("1 to create, 1 to overwrite, 1 invalid.")).ToBeVisibleAsync();
        await Button(page, "Import").ClickAsync();

        var results = page.GetByRole(AriaRole.Table, new() { Name = "Import results" });
        await Expect(Row(results, existing)).ToContainTextAsync("Overwritten");
        await Expect(Row(results, existing)).ToContainTextAsync("Version 2 (was 1).");
        await Expect(Row(results, fresh)).ToContainTextAsync("Created");
        await Expect(Row(results, fresh)).ToContainTextAsync("Version 1.");
        await Expect(Row(results, prefix + "broken")).ToContainTextAsync("Invalid");
        var overwritten = (await ReadAsync(existing))!;
        Assert.Equal("true", overwritten["variables"]!["closure"]!.GetValue<string>());
        Assert.Equal("alice", overwritten["updatedBy"]!.GetValue<string>());
        Assert.Null(await ReadAsync(prefix + "broken"));
        browser.AssertCleanConsole(page);
        File.Delete(file);
    }

    [Fact]
    public async Task Without_create_rights_the_import_page_is_read_only_and_names_the_access_needed()
    {
        var page = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);

        await page.GotoAsync("/import");

        await Expect(page.GetByText("Importing needs create rights")).ToBeVisibleAsync();
        await Expect(page.GetByText("Full access on the ids in the file", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await Expect(Button(page, "Next")).ToHaveCountAsync(0);
        browser.AssertCleanConsole(page);
    }

    [Theory]
    [MemberData(nameof(Layout.WidthCases), MemberType = typeof(Layout))]
    public async Task Every_step_of_the_wizard_fits_the_window(int width)
    {
        var prefix = NewPrefix("wfit");
        await SaveAsync(Config(prefix + "existing"));
        var broken = Config(prefix + "a-rather-long-identifier-for-a-config-that-does-not-pass-validation", closure: "perhaps");
        broken["description"] = new string('x', 1100);
        var file = await FileAsync(new JsonArray(Config(prefix + "existing"), Config(prefix + "fresh"), broken));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await Layout.ResizeAsync(page, width);

        await page.GotoAsync("/import");
        await page.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(page.GetByText("3 configs in the file.")).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(page, $"choose file at {width} px");
        await Button(page, "Next").ClickAsync();
        await Expect(Row(page.GetByRole(AriaRole.Table, new() { Name = "Import plan" }), prefix + "fresh")).ToContainTextAsync("Create");
        await Layout.AssertFitsAsync(page, $"review at {width} px", noScrollingRegions: width >= 1024);
        await Button(page, "Next").ClickAsync();
        await Layout.AssertFitsAsync(page, $"import step at {width} px");
        await Button(page, "Import").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Import results" })).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(page, $"summary at {width} px", noScrollingRegions: width >= 1024);
        browser.AssertCleanConsole(page);
        File.Delete(file);
    }
}
