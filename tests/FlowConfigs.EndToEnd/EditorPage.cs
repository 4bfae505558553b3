using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The editor as a person drives it: one tab at a time, and a save that is reviewed before it goes live.</summary>
internal static class EditorPage
{
    /// <summary>Opens a config's editor on one of its tabs (details, variables, prompts, history).</summary>
    public static Task OpenAsync(IPage page, string id, string? tab = null) => OpenAsync(page.MainFrame, "", id, tab);

    public static Task OpenAsync(IFrame frame, string baseUrl, string id, string? tab = null) =>
        frame.GotoAsync(baseUrl + "/configs/" + Uri.EscapeDataString(id) + (tab is null ? "" : "?tab=" + tab));

    public static Task ShowTabAsync(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Save in the page header, then Save in the review of the changes.</summary>
    public static Task SaveAsync(IPage page) => SaveAsync(page.MainFrame);

    public static async Task SaveAsync(IFrame frame)
    {
        await frame.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).First.ClickAsync();
        var review = frame.GetByRole(AriaRole.Dialog, new() { Name = "Review changes" });
        await review.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
    }

    /// <summary>The stored document, as the API returns it.</summary>
    public static async Task<JsonObject?> StoredAsync(BrowserFixture browser, string id)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("check", ["FlowConfigAdmin"]));
        var response = await client.GetAsync("/api/flow-config/" + Uri.EscapeDataString(id));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    /// <summary>A config with many variables, so its Variables tab is several screens tall.</summary>
    public static async Task<string> CreateTallAsync(BrowserFixture browser, string prefix, int variables)
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..24];
        var values = new JsonObject();
        for (var i = 0; i < variables; i++) values[$"setting{i:d3}"] = "value";
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("setup", ["FlowConfigAdmin"]));
        var document = new JsonObject { ["description"] = "Tall", ["variables"] = values, ["prompts"] = new JsonObject() };
        (await client.PostAsJsonAsync("/api/flow-config/" + Uri.EscapeDataString(id), document)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A config saved <paramref name="versions"/> times through the API.</summary>
    public static async Task<string> CreateWithVersionsAsync(BrowserFixture browser, string prefix, int versions)
    {
        var id = await TestConfigs.CreateAsync(browser, prefix);
        for (var v = 2; v <= versions; v++) await TestConfigs.SaveAsync(browser, id, v % 2 == 0 ? "true" : "false");
        return id;
    }

    /// <summary>Waits until the element is wholly inside the viewport of its frame.</summary>
    public static async Task ExpectInViewportAsync(ILocator locator)
    {
        await Expect(locator).ToBeVisibleAsync();
        await Expect(locator).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
