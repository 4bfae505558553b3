using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The editor and history for keyboard and screen-reader users, and the app as the Agent Workspace frames it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private const string FocusedText = "() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent.trim()";

    [Fact]
    public async Task Each_page_has_its_own_title_and_in_app_navigation_focuses_the_new_heading()
    {
        var id = await TestConfigs.CreateAsync(browser, "focus");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id);
        await Expect(page).ToHaveTitleAsync($"{id} · FlowConfigs");

        await page.GetByRole(AriaRole.Button, new() { Name = "History", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync($"History of {id} · FlowConfigs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"History of {id}", Level = 1 })).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumbs" }).GetByRole(AriaRole.Link, new() { Name = id, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = id, Level = 1 })).ToBeFocusedAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task The_first_tab_stop_skips_to_the_page_heading()
    {
        var id = await TestConfigs.CreateAsync(browser, "skip");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = id, Level = 1 })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = id, Level = 1 })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Dialogs_name_their_close_buttons()
    {
        var id = await TestConfigs.CreateAsync(browser, "dialogs");
        await TestConfigs.SaveAsync(browser, id, "true");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "variables");
        await page.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var review = page.GetByRole(AriaRole.Dialog, new() { Name = "Review changes" });
        await Expect(review.GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header + variables.maxWaitTime
        await review.GetByRole(AriaRole.Button, new() { Name = "Close without saving" }).ClickAsync();
        await Expect(review).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close without deleting" }).ClickAsync();

        await page.GotoAsync("/configs/" + Uri.EscapeDataString(id) + "/history");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Version 1", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to version 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close without rolling back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal("true", (await TestConfigs.GetConfigAsync(browser, id))["closure"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Change_control_dialogs_have_no_serious_violations_with_their_messages_showing()
    {
        var id = await ChangeControlData.SubmittedDraftAsync(browser, "dialogs");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);

        async Task CheckAsync(ILocator dialog, string what)
        {
            await Expect(dialog).ToBeVisibleAsync();
            var violations = await Axe.SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{what}:\n" + string.Join("\n", violations));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
        }

        // A reviewer's decisions on the Draft tab: approving, and rejecting once refused for want of a reason.
        await EditorPage.OpenAsync(page, id, "draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await CheckAsync(page.GetByRole(AriaRole.Dialog, new() { Name = $"Approve the draft of {id}?" }), "the approve dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        var reject = page.GetByRole(AriaRole.Dialog, new() { Name = $"Reject the draft of {id}?" });
        await reject.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(reject.GetByText("Say why, so the authors know what to change.")).ToBeVisibleAsync();
        await CheckAsync(reject, "the reject dialog with its message");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await CheckAsync(page.GetByRole(AriaRole.Dialog, new() { Name = $"Discard the draft of {id}?" }), "the discard dialog");

        // The same decisions from the Reviews page.
        await page.GotoAsync("/reviews");
        await page.GetByRole(AriaRole.Radio, new() { Name = $"Draft of {id}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await CheckAsync(page.GetByRole(AriaRole.Dialog, new() { Name = $"Approve the draft of {id}?" }), "the approve dialog on the Reviews page");

        // An emergency change, refused for want of a reason; an emergency delete.
        await EditorPage.OpenAsync(page, id, "variables");
        await page.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Emergency change" }).ClickAsync();
        var emergency = page.GetByRole(AriaRole.Dialog, new() { Name = "Emergency change" });
        await emergency.GetByRole(AriaRole.Button, new() { Name = "Emergency save" }).ClickAsync();
        await Expect(emergency.GetByText("Enter why this change cannot wait for approval; the history and the audit show it.")).ToBeVisibleAsync();
        await CheckAsync(emergency, "the emergency change dialog with its message");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await CheckAsync(page.GetByRole(AriaRole.Dialog, new() { Name = $"Delete {id}?" }), "the emergency delete dialog");
        Assert.Equal("600", (await TestConfigs.GetConfigAsync(browser, id))["maxWaitTime"]!.GetValue<string>());
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Submitting_and_scheduling_a_draft_have_no_serious_violations()
    {
        var (data, id) = await ChangeControlData.CreateAsync(browser, "dialogs2", timeZone: "UTC");
        await data.SaveDraftAsync(id, "300");
        var author = await data.SignInAsync(ChangeControlData.Author);
        await EditorPage.OpenAsync(author, id, "draft");
        await author.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        var submit = author.GetByRole(AriaRole.Dialog, new() { Name = $"Submit the draft of {id} for review?" });
        await Expect(submit).ToBeVisibleAsync();
        var violations = await Axe.SeriousViolationsAsync(author);
        Assert.True(violations.Count == 0, "the submit dialog:\n" + string.Join("\n", violations));
        await submit.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(submit).ToBeHiddenAsync();
        await data.ApproveAsync(id, "OK.");

        await author.ReloadAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Publish at…" }).ClickAsync();
        var schedule = author.GetByRole(AriaRole.Dialog, new() { Name = $"Schedule publishing {id}" });
        // A time already past is refused on the date, in words.
        await ScheduleData.FillLocalAsync(schedule, "Publish at", "UTC", "2020/01/01", "09:00");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(schedule.GetByText("Choose a time in the future; to publish now, use Publish now.")).ToBeVisibleAsync();
        violations = await Axe.SeriousViolationsAsync(author);
        Assert.True(violations.Count == 0, "the schedule dialog with its message:\n" + string.Join("\n", violations));
        Assert.Null((await data.DraftAsync(id))!["publishAt"]);
        browser.AssertCleanConsole(author);
    }

    [Fact]
    public async Task Framed_the_app_has_no_top_navigation_and_starts_with_the_side_navigation_closed()
    {
        var id = await TestConfigs.CreateAsync(browser, "framed");
        var (page, app) = await new Viewport(900, Framed: true).OpenAsync(browser, "alice", ["FlowConfigAdmin"], "/configs/" + Uri.EscapeDataString(id));
        await Expect(app.GetByRole(AriaRole.Heading, new() { Name = id, Level = 1 })).ToBeVisibleAsync();
        await Expect(app.GetByRole(AriaRole.Button, new() { Name = "Signed in as alice" })).ToHaveCountAsync(0);
        await Expect(app.GetByRole(AriaRole.Link, new() { Name = "Import and export" })).ToBeHiddenAsync();

        await app.GetByRole(AriaRole.Button, new() { Name = "Open side navigation" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Link, new() { Name = "Import and export" })).ToBeVisibleAsync();
        await Expect(app.GetByRole(AriaRole.Link, new() { Name = "Sign out (alice)" })).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Every_control_in_the_editor_reads_its_label_once()
    {
        var id = await TestConfigs.CreateAsync(browser, "labels");
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        foreach (var tab in new[] { "details", "variables", "prompts" })
        {
            await EditorPage.OpenAsync(page, id, tab);
            await Expect(page.GetByTestId("preview-map")).ToBeVisibleAsync();
            var repeated = await page.EvaluateAsync<string[]>(RepeatedLabels);
            Assert.True(repeated.Length == 0, $"{tab}: labels read twice: {string.Join("; ", repeated)}");
        }
    }

    // A control named by several elements (aria-labelledby) must not name the same text twice ("tier tier gold").
    private const string RepeatedLabels = """
        () => [...document.querySelectorAll("[aria-labelledby]")]
          .filter(el => el.getClientRects().length > 0)
          .map(el => {
            const parts = el.getAttribute("aria-labelledby").split(/\s+/)
              .map(id => document.getElementById(id)?.textContent.trim()).filter(Boolean);
            const label = el.getAttribute("aria-label");
            if (label) parts.push(label);
            return new Set(parts).size === parts.length ? null : parts.join(" | ");
          })
          .filter(Boolean)
        """;
}
