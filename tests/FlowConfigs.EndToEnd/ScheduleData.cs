using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// Configs with a zone and a schedule, and calendars, of each test's own (made through the API), with fixed dates far
/// from any day the suite runs on; and the editor's schedule controls as a person drives them.
/// </summary>
internal static class ScheduleData
{
    public static async Task<HttpClient> AdminAsync(BrowserFixture browser) =>
        browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("setup", ["FlowConfigAdmin"]));

    /// <summary>The test branch of <see cref="TestConfigs"/> (closure, maxWaitTime, priority; greeting) with a zone and schedule.</summary>
    public static async Task<string> CreateConfigAsync(BrowserFixture browser, string prefix, string? timeZone, params JsonObject[] schedule)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var document = TestConfigs.Branch("false");
        if (timeZone is not null) document["timeZone"] = timeZone;
        if (schedule.Length > 0) document["schedule"] = new JsonArray(schedule.Select(e => (JsonNode)e.DeepClone()).ToArray());
        using var client = await AdminAsync(browser);
        var response = await client.PostAsJsonAsync("/api/flow-config/" + Uri.EscapeDataString(id), document);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    public static JsonObject Window(string name, string start, string end, JsonObject variables, string? repeat = null)
    {
        var entry = new JsonObject { ["name"] = name, ["start"] = start, ["end"] = end, ["variables"] = variables };
        if (repeat is not null) entry["repeat"] = repeat;
        return entry;
    }

    public static JsonObject OnCalendar(string name, string calendar, JsonObject variables) =>
        new() { ["name"] = name, ["calendar"] = calendar, ["variables"] = variables };

    public static async Task<string> CreateCalendarAsync(BrowserFixture browser, string prefix, params JsonObject[] events)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var calendar = new JsonObject
        {
            ["id"] = id,
            ["description"] = "Test calendar",
            ["events"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()),
        };
        using var client = await AdminAsync(browser);
        var response = await client.PutAsync("/api/calendars/" + id, new StringContent(calendar.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task DeleteCalendarAsync(BrowserFixture browser, string id)
    {
        using var client = await AdminAsync(browser);
        (await client.DeleteAsync("/api/calendars/" + id)).EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject?> StoredCalendarAsync(BrowserFixture browser, string id)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigRead"]));
        var response = await client.GetAsync("/api/calendars/" + id);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    /// <summary>A wall-clock date and time in the pickers labelled "{label} date ({zone})" and "{label} time ({zone})".</summary>
    public static async Task FillLocalAsync(ILocator scope, string label, string zone, string date, string time)
    {
        await scope.GetByLabel($"{label} date ({zone})", new() { Exact = true }).FillAsync(date);
        await scope.GetByLabel($"{label} time ({zone})", new() { Exact = true }).FillAsync(time);
    }

    /// <summary>Chooses an option of a select whose label (or aria-label) starts with <paramref name="select"/>.</summary>
    public static async Task ChooseAsync(ILocator scope, IPage page, string select, string option)
    {
        await scope.GetByRole(AriaRole.Button, new() { Name = select }).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
    }

    /// <summary>The preview at a wall-clock moment in the config's zone.</summary>
    public static async Task PreviewAtAsync(IPage page, string zone, string date, string time)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = "At a time", Exact = true }).ClickAsync();
        await FillLocalAsync(page.Locator("body"), "Preview at", zone, date, time);
    }

    /// <summary>The value the preview shows for one key.</summary>
    public static ILocator PreviewValue(IPage page, string key) =>
        page.GetByTestId("preview-map").Locator($"xpath=.//dt[normalize-space(.)='{key}']/following::dd[1]");

    public static Task ExpectPreviewAsync(IPage page, string key, string value) => Expect(PreviewValue(page, key)).ToHaveTextAsync(value);
}
