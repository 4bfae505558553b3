using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static FlowConfigs.EndToEnd.ScheduleData;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// The Calendars pages against the real gateway: a calendar created, given an event, used by a config, replaced by an
/// .ics import after confirmation, deleted by typing its id; and read-only for anyone without Full on every config.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarPageTests(BrowserFixture browser)
{
    /// <summary>An all-day event and a yearly one, as calendar apps export them (CRLF lines).</summary>
    private const string Ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//FlowConfigs tests//EN\r\n" +
        "BEGIN:VEVENT\r\nUID:picnic@test\r\nDTSTART;VALUE=DATE:20300704\r\nDTEND;VALUE=DATE:20300705\r\nSUMMARY:Founders picnic\r\nEND:VEVENT\r\n" +
        "BEGIN:VEVENT\r\nUID:christmas@test\r\nDTSTART:20301225T000000\r\nDTEND:20301226T000000\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n" +
        "END:VCALENDAR\r\n";

    [Fact]
    public async Task A_calendar_is_created_given_an_event_used_replaced_by_an_import_and_deleted_by_typing_its_id()
    {
        var id = $"cal-{Guid.NewGuid():N}"[..16];
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendars" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }).ClickAsync();
        var create = page.GetByRole(AriaRole.Dialog, new() { Name = "Create calendar" });
        await create.GetByLabel("Id", new() { Exact = true }).FillAsync(id);
        await create.GetByLabel("Description", new() { Exact = true }).FillAsync("Company days");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = id, Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add event" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Dialog, new() { Name = "Add event" });
        await add.GetByLabel("Name", new() { Exact = true }).FillAsync("Inventory day");
        await FillLocalAsync(add, "Start", "local time", "2030/05/04", "00:00");
        await FillLocalAsync(add, "End", "local time", "2030/05/05", "00:00");
        await add.GetByRole(AriaRole.Button, new() { Name = "Save event" }).ClickAsync();
        await Expect(add).ToBeHiddenAsync();
        await Expect(page.GetByText("Added Inventory day.")).ToBeVisibleAsync();
        var stored = (await StoredCalendarAsync(browser, id))!;
        Assert.Equal("Company days", stored["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonArray(new JsonObject { ["name"] = "Inventory day", ["start"] = "2030-05-04T00:00", ["end"] = "2030-05-05T00:00" }), stored["events"]),
            stored["events"]!.ToJsonString());

        // A config whose schedule follows it shows under Used by.
        var config = await CreateConfigAsync(browser, "usescal", "America/Chicago", OnCalendar("Company days off", id, new JsonObject { ["closure"] = "true" }));
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = config, Exact = true })).ToBeVisibleAsync();

        // Import: the file's two events take the place of the one there, once confirmed.
        var file = Path.Combine(Path.GetTempPath(), $"{id}.ics");
        await File.WriteAllTextAsync(file, Ics);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import .ics" }).ClickAsync();
        var import = page.GetByRole(AriaRole.Dialog, new() { Name = $"Import events into {id}" });
        await import.Locator("input[type=file]").SetInputFilesAsync(file);
        await Expect(import.GetByText($"This replaces all 1 event of {id}")).ToBeVisibleAsync();
        await Expect(import).ToContainTextAsync("The file holds 2 events.");
        var violations = await Axe.SeriousViolationsAsync(page.MainFrame);
        Assert.True(violations.Count == 0, "The import dialog:\n" + string.Join("\n", violations));
        Assert.Single((await StoredCalendarAsync(browser, id))!["events"]!.AsArray());
        await import.GetByRole(AriaRole.Button, new() { Name = "Replace 1 event" }).ClickAsync();
        await Expect(import).ToBeHiddenAsync();

        var cards = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "When" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Events (2)" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Inventory day")).ToHaveCountAsync(0);
        var picnic = cards.Filter(new() { HasText = "Founders picnic" });
        await Expect(picnic).ToContainTextAsync("Thu, Jul 4, 2030, 00:00 to Fri, Jul 5, 2030, 00:00");
        await Expect(picnic).ToContainTextAsync("does not repeat");
        var christmas = cards.Filter(new() { HasText = "Christmas Day" });
        await Expect(christmas).ToContainTextAsync("every year on 25 December");
        var names = (await StoredCalendarAsync(browser, id))!["events"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).Order();
        Assert.Equal(["Christmas Day", "Founders picnic"], names);

        // Delete: the button waits for the id, typed exactly.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var delete = page.GetByRole(AriaRole.Dialog, new() { Name = $"Delete {id}?" });
        await Expect(delete).ToContainTextAsync("1 config uses it");
        await Expect(delete).ToContainTextAsync(config);
        var confirm = delete.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });
        await delete.GetByLabel("To confirm, type the calendar's id").FillAsync(id[..^1]);
        await Expect(confirm).ToBeDisabledAsync();
        await delete.GetByLabel("To confirm, type the calendar's id").FillAsync(id);
        await confirm.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendars", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = id, Exact = true })).ToHaveCountAsync(0);
        Assert.Null(await StoredCalendarAsync(browser, id));
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Without_full_access_on_every_config_calendars_are_read_only()
    {
        var reader = await SignIn.AsAsync(browser, "eddie", ["FlowConfigEdit"]);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Calendars" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Link, new() { Name = "us-holidays", Exact = true })).ToBeVisibleAsync();
        await Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Create calendar" })).ToHaveCountAsync(0);

        await reader.GetByRole(AriaRole.Link, new() { Name = "us-holidays", Exact = true }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Events (6)" })).ToBeVisibleAsync();
        await Expect(reader.GetByText("Read-only", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(reader.GetByText("Christmas Day")).ToBeVisibleAsync();
        // The sample holidays that move with the weekday read in words too.
        await Expect(reader.GetByText("every year on the last Monday of May", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(reader.GetByText("every year on the fourth Thursday of November", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var action in new[] { "Add event", "Import .ics", "Delete", "Change Christmas Day", "Remove Christmas Day" })
            await Expect(reader.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        browser.AssertCleanConsole(reader);
    }
}
