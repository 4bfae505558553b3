using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>What contact flows read, as admins see it: on the list, on a config's Usage tab and on the Insights page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsageTests(BrowserFixture browser)
{
    private static ILocator ListTable(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });

    private static ILocator Row(ILocator table, IPage page, string id) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }) });

    [Fact]
    public async Task The_list_shows_reads_and_last_read_and_sorting_by_reads_puts_the_unread_config_first()
    {
        var prefix = $"usage-{Guid.NewGuid():N}"[..16] + "/";
        string busy = prefix + "busy", idle = prefix + "idle";
        await TestConfigs.SaveAsync(browser, busy, "false");
        await TestConfigs.SaveAsync(browser, idle, "false");
        await UsageData.ReadAsync(browser, busy, ("en-US", "voice"), ("en-US", "voice"), ("es-US", "chat"));
        await UsageData.WaitForReadsAsync(browser, busy, 3);

        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByLabel("Filter flow configs").FillAsync(prefix);
        var table = ListTable(page);
        await Expect(table.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        // Reads is the last column, Last read the one before it (after Changed, also a time).
        await Expect(Row(table, page, busy).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("3");
        var lastRead = Row(table, page, busy).Locator("time").Last;
        await Expect(lastRead).ToHaveTextAsync(new Regex(@"^\d+ (sec\.|min\.) ago$"));
        await Expect(lastRead).ToHaveAttributeAsync("title", new Regex("\\d{4}"));
        await Expect(Row(table, page, idle).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("0");
        await Expect(Row(table, page, idle)).ToContainTextAsync("Never");

        var reads = table.GetByRole(AriaRole.Columnheader, new() { Name = "Reads (30 days)" });
        // The sticky header's copy lies over the table's own and takes the click, as it does for a person.
        await reads.ClickAsync(new() { Force = true });
        await Expect(reads).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(idle);
        await reads.ClickAsync(new() { Force = true });
        await Expect(reads).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync(busy);
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task The_Usage_tab_charts_reads_by_language_then_by_channel_and_links_a_missing_translation_to_its_prompt()
    {
        // The test config's one prompt, greeting, has English text only: Spanish callers miss it.
        var id = await TestConfigs.CreateAsync(browser, "usage-tab");
        await UsageData.ReadAsync(browser, id, ("en-US", "voice"), ("en-US", "voice"), ("es-US", "chat"));
        await UsageData.WaitForReadsAsync(browser, id, 3);

        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "usage");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Usage", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        var summary = page.Locator("dl").Filter(new() { HasText = "Fallback reads" });
        await Expect(summary).ToContainTextAsync(new Regex("Reads \\(30 days\\)\\s*3"));
        await Expect(summary).ToContainTextAsync(new Regex("Fallback reads\\s*0"));

        var chart = page.GetByRole(AriaRole.Application, new() { Name = "Reads per day by language" });
        await Expect(chart).ToBeVisibleAsync();
        // The legend is named after what the series are.
        var languages = page.GetByRole(AriaRole.Toolbar, new() { Name = "Language", Exact = true });
        await Expect(languages).ToContainTextAsync("en-US");
        await Expect(languages).ToContainTextAsync("es-US");
        await page.GetByRole(AriaRole.Button, new() { Name = "By channel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Application, new() { Name = "Reads per day by channel" })).ToBeVisibleAsync();
        var channels = page.GetByRole(AriaRole.Toolbar, new() { Name = "Channel", Exact = true });
        await Expect(channels).ToContainTextAsync("voice");
        await Expect(channels).ToContainTextAsync("chat");
        await Expect(languages).ToHaveCountAsync(0);

        var missing = page.GetByRole(AriaRole.Table, new() { Name = "Missing translations" });
        await Expect(missing.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(missing.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("es-US");
        await missing.GetByRole(AriaRole.Link, new() { Name = "greeting in es-US" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tab=prompts&prompt=greeting&language=es-US$"));
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Prompts", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
        // The prompt lacks the language: adding it is one press away, the language chosen already.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add language", Exact = true })).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Add a language to greeting")).ToContainTextAsync("es-US");
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Insights_shows_an_admin_the_ids_flows_ask_for_that_do_not_exist_with_Create_prefilled_and_a_read_only_user_not_at_all()
    {
        var unknown = $"nosuch-{Guid.NewGuid():N}"[..20];
        await UsageData.ReadAsync(browser, unknown, ("en-US", "voice"), ("en-US", "chat"));
        await UsageData.WaitForMissingIdAsync(browser, unknown);

        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Insights", Level = 1 })).ToBeVisibleAsync();
        var missingIds = admin.GetByRole(AriaRole.Table, new() { Name = "Ids flows ask for that do not exist" });
        var row = missingIds.GetByRole(AriaRole.Row).Filter(new() { HasText = unknown });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("2");
        await row.GetByRole(AriaRole.Button, new() { Name = "Create " + unknown }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Create flow config", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.GetByLabel("Id", new() { Exact = true })).ToHaveValueAsync(unknown);
        browser.AssertCleanConsole(admin);

        var reader = await SignIn.AsAsync(browser, "rita", ["FlowConfigRead"]);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        // The counters appear once the usage has loaded: only then is a section's absence telling.
        await Expect(reader.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Unused configs \(\d+\)$") })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Missing translations \(\d+\)$") })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Ids flows ask for that do not exist" })).ToHaveCountAsync(0);
        await Expect(reader.GetByText(unknown)).ToHaveCountAsync(0);
        browser.AssertCleanConsole(reader);
    }
}
