using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static FlowConfigs.EndToEnd.ScheduleData;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The settings' default time zone, chosen on the Settings page, is the clock of every config that names none.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DefaultTimeZoneTests(BrowserFixture browser)
{
    private const string Auckland = "Pacific/Auckland";

    [Fact]
    public async Task A_config_without_a_zone_runs_on_the_default_zone_chosen_in_settings()
    {
        var id = await CreateConfigAsync(browser, "nozone", timeZone: null,
            Window("Staff meeting", "2030-06-01T09:00", "2030-06-01T10:00", new JsonObject { ["closure"] = "true" }));
        var page = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        try
        {
            await page.GotoAsync("/settings");
            await page.GetByRole(AriaRole.Button, new() { Name = "Default time zone" }).ClickAsync();
            await page.GetByPlaceholder("Find a zone, e.g. Chicago").FillAsync("Auckland");
            await page.GetByRole(AriaRole.Option, new() { Name = Auckland }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByText("Settings saved")).ToBeVisibleAsync();

            await EditorPage.OpenAsync(page, id, "schedule");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Time zone of this config" })).ToContainTextAsync($"Settings default ({Auckland})");
            await Expect(page.GetByText($"Schedule entries apply by the clock in {Auckland}.")).ToBeVisibleAsync();

            // The server places the window in Auckland (a UTC reading would put it at 21:00 the day before here).
            await page.GetByLabel($"From ({Auckland})", new() { Exact = true }).FillAsync("2030/06/01");
            await page.GetByRole(AriaRole.Radio, new() { Name = "1 week", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "When entries apply" }).GetByRole(AriaRole.Listitem))
                .ToHaveTextAsync(["Sat, Jun 1, 09:00 – 10:00 (1 h)Staff meeting"]);

            await PreviewAtAsync(page, Auckland, "2030/06/01", "09:30");
            await ExpectPreviewAsync(page, "closure", "true");
            browser.AssertCleanConsole(page);
        }
        finally
        {
            await RestoreUtcAsync();
        }
    }

    private async Task RestoreUtcAsync()
    {
        using var client = await AdminAsync(browser);
        var settings = (await client.GetFromJsonAsync<JsonObject>("/api/settings"))!;
        settings["timeZone"] = "UTC";
        (await client.PostAsJsonAsync("/api/settings", settings)).EnsureSuccessStatusCode();
    }
}
