using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static FlowConfigs.EndToEnd.ScheduleData;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// The editor's Schedule tab and the preview's moment against the real gateway: entries built with the pickers and
/// typed controls reach the stored config as they read, order is precedence, the server's messages land on the entry,
/// and the zone is Full access. Every date is fixed (2030), so no test depends on the day it runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScheduleTabTests(BrowserFixture browser)
{
    private const string Chicago = "America/Chicago";

    [Fact]
    public async Task A_weekly_window_built_with_pickers_and_typed_overrides_is_saved_exactly_and_read_in_words()
    {
        var id = await CreateConfigAsync(browser, "addwin", Chicago);
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "schedule");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add entry" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Add a schedule entry" });
        await dialog.GetByLabel("Name", new() { Exact = true }).FillAsync("Sunday maintenance");
        // 6 January 2030 is a Sunday.
        await FillLocalAsync(dialog, "Start", Chicago, "2030/01/06", "02:00");
        await FillLocalAsync(dialog, "End", Chicago, "2030/01/06", "04:00");
        await ChooseAsync(dialog, page, "Repeats", "Every week on Sunday");
        await Expect(dialog.GetByText("Shown as: every Sunday.", new() { Exact = false })).ToBeVisibleAsync();

        await ChooseAsync(dialog, page, "Change a variable", "closure");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "closure during Sunday maintenance" }).CheckAsync();
        await ChooseAsync(dialog, page, "Change a variable", "priority");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add variable" }).ClickAsync();
        await ChooseAsync(dialog, page, "priority during Sunday maintenance", "high");

        await ChooseAsync(dialog, page, "Change a prompt", "greeting");
        await ChooseAsync(dialog, page, "Language of the prompt", "en-US");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add prompt" }).ClickAsync();
        await dialog.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>We are down for maintenance.</speak>");
        var violations = await Axe.SeriousViolationsAsync(page.MainFrame);
        Assert.True(violations.Count == 0, "The entry form:\n" + string.Join("\n", violations));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add entry", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var entries = page.GetByRole(AriaRole.List, new() { Name = "Schedule entries, first listed wins" });
        await Expect(entries.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(entries).ToContainTextAsync("1. Sunday maintenance");
        await Expect(entries).ToContainTextAsync(", then every Sunday");
        await Expect(entries).ToContainTextAsync("Changes: closure → true; priority → high; greeting (en-US)");

        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        var expected = new JsonObject
        {
            ["name"] = "Sunday maintenance",
            ["start"] = "2030-01-06T02:00",
            ["end"] = "2030-01-06T04:00",
            ["repeat"] = "FREQ=WEEKLY;BYDAY=SU",
            ["variables"] = new JsonObject { ["closure"] = "true", ["priority"] = "high" },
            ["prompts"] = new JsonObject { ["greeting"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = "<speak>We are down for maintenance.</speak>" } } },
        };
        var schedule = (await EditorPage.StoredAsync(browser, id))!["schedule"]!.AsArray();
        Assert.Single(schedule);
        Assert.True(JsonNode.DeepEquals(expected, schedule[0]), schedule[0]!.ToJsonString());

        // After a reload the list still reads the stored rule in words.
        await page.ReloadAsync();
        await Expect(entries).ToContainTextAsync(", then every Sunday");
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Moving_an_entry_up_makes_it_win_where_both_apply()
    {
        var id = await CreateConfigAsync(browser, "order", Chicago,
            Window("Early close", "2030-03-01T15:00", "2030-03-02T00:00", new JsonObject { ["priority"] = "low" }),
            Window("Storm", "2030-03-01T00:00", "2030-03-03T00:00", new JsonObject { ["priority"] = "high", ["closure"] = "true" }));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "schedule");

        await PreviewAtAsync(page, Chicago, "2030/03/01", "16:00");
        await Expect(page.GetByText("Values at ", new() { Exact = false })).ToContainTextAsync("16:00");
        await ExpectPreviewAsync(page, "priority", "low");
        await ExpectPreviewAsync(page, "closure", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Storm up" }).ClickAsync();
        await ExpectPreviewAsync(page, "priority", "high");
        await EditorPage.SaveAsync(page);
        await Expect(page.GetByText("Saved version 2.")).ToBeVisibleAsync();
        var names = (await EditorPage.StoredAsync(browser, id))!["schedule"]!.AsArray().Select(e => e!["name"]!.GetValue<string>());
        Assert.Equal(["Storm", "Early close"], names);
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Preview_at_a_moment_an_entry_applies_shows_its_override_and_now_shows_the_base()
    {
        var id = await CreateConfigAsync(browser, "previewat", Chicago,
            Window("Christmas Eve early close", "2030-12-24T15:00", "2030-12-25T00:00", new JsonObject { ["closure"] = "true" }));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "schedule");
        await ExpectPreviewAsync(page, "closure", "false");

        await PreviewAtAsync(page, Chicago, "2030/12/24", "15:00");
        await ExpectPreviewAsync(page, "closure", "true");
        // A minute before the window, the base value again.
        await page.GetByLabel($"Preview at time ({Chicago})", new() { Exact = true }).FillAsync("14:59");
        await ExpectPreviewAsync(page, "closure", "false");
        await page.GetByLabel($"Preview at time ({Chicago})", new() { Exact = true }).FillAsync("23:30");
        await ExpectPreviewAsync(page, "closure", "true");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Now", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Values now", new() { Exact = true })).ToBeVisibleAsync();
        await ExpectPreviewAsync(page, "closure", "false");
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task A_calendar_deleted_meanwhile_is_refused_on_the_entry_that_names_it()
    {
        var calendar = await CreateCalendarAsync(browser, "gone");
        var id = await CreateConfigAsync(browser, "gonecal", Chicago,
            Window("Storm", "2030-03-01T00:00", "2030-03-03T00:00", new JsonObject { ["closure"] = "true" }),
            OnCalendar("Office closed", calendar, new JsonObject { ["closure"] = "true" }));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "schedule");
        await Expect(page.GetByText($"During every event of calendar {calendar}")).ToBeVisibleAsync();

        await DeleteCalendarAsync(browser, calendar);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Office closed up" }).ClickAsync();
        await EditorPage.SaveAsync(page);

        // Moved first, the entry is schedule[0] when saved: the message follows it, not the position it came from.
        var entries = page.GetByRole(AriaRole.List, new() { Name = "Schedule entries, first listed wins" }).GetByRole(AriaRole.Listitem);
        var message = $"Calendar {calendar} does not exist.";
        await Expect(entries.Nth(0)).ToContainTextAsync("Office closed");
        await Expect(entries.Nth(0).GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(entries.Nth(1).GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Change Office closed" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Change Office closed" });
        await Expect(dialog.GetByText(message, new() { Exact = false })).ToBeVisibleAsync();
        Assert.Equal(1, (await EditorPage.StoredAsync(browser, id))!["version"]!.GetValue<int>());
        browser.AssertCleanConsole(page, error => error.Contains("400"));
    }

    [Fact]
    public async Task An_edit_user_changes_entries_but_reads_the_zone_and_a_full_user_changes_the_zone()
    {
        var id = await CreateConfigAsync(browser, "zoneaccess", Chicago,
            Window("Storm", "2030-03-01T00:00", "2030-03-03T00:00", new JsonObject { ["closure"] = "true" }));
        var editor = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await EditorPage.OpenAsync(editor, id, "schedule");
        await Expect(editor.GetByText("Changing the time zone needs Full access.")).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Time zone of this config" })).ToHaveCountAsync(0);
        await Expect(editor.GetByText(Chicago, new() { Exact = true })).ToBeVisibleAsync();

        await editor.GetByRole(AriaRole.Button, new() { Name = "Remove Storm" }).ClickAsync();
        await EditorPage.SaveAsync(editor);
        await Expect(editor.GetByText("Saved version 2.")).ToBeVisibleAsync();
        var stored = (await EditorPage.StoredAsync(browser, id))!;
        Assert.Null(stored["schedule"]);
        Assert.Equal(Chicago, stored["timeZone"]!.GetValue<string>());
        browser.AssertCleanConsole(editor);

        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(admin, id, "schedule");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Time zone of this config" }).ClickAsync();
        await admin.GetByPlaceholder("Find a zone, e.g. Chicago").FillAsync("Berlin");
        await admin.GetByRole(AriaRole.Option, new() { Name = "Europe/Berlin" }).ClickAsync();
        await EditorPage.SaveAsync(admin);
        await Expect(admin.GetByText("Saved version 3.")).ToBeVisibleAsync();
        Assert.Equal("Europe/Berlin", (await EditorPage.StoredAsync(browser, id))!["timeZone"]!.GetValue<string>());
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task The_timeline_from_a_chosen_day_lists_the_stretches_in_the_configs_zone()
    {
        var id = await CreateConfigAsync(browser, "timeline", Chicago,
            Window("Early close", "2030-12-24T15:00", "2030-12-25T00:00", new JsonObject { ["closure"] = "true" }),
            Window("Winter hours", "2030-12-23T08:00", "2030-12-27T18:00", new JsonObject { ["maxWaitTime"] = "300" }));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(page, id, "schedule");
        await page.GetByLabel($"From ({Chicago})", new() { Exact = true }).FillAsync("2030/12/21");
        await page.GetByRole(AriaRole.Radio, new() { Name = "1 week", Exact = true }).ClickAsync();

        var rows = page.GetByRole(AriaRole.List, new() { Name = "When entries apply" }).GetByRole(AriaRole.Listitem);
        await Expect(rows).ToHaveTextAsync(
        [
            "Mon, Dec 23, 08:00 – Tue, Dec 24, 15:00 (1 d 7 h)Winter hours",
            "Tue, Dec 24, 15:00 – Wed, Dec 25, 00:00 (9 h)Early close, Winter hours",
            "Wed, Dec 25, 00:00 – Fri, Dec 27, 18:00 (2 d 18 h)Winter hours",
        ]);
        browser.AssertCleanConsole(page);
    }
}
