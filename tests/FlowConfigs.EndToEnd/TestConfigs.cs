using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlowConfigs.EndToEnd;

/// <summary>Configs of their own per test (made through the API), and GetConfig as a contact flow sees it.</summary>
internal static class TestConfigs
{
    public static async Task<string> CreateAsync(BrowserFixture browser, string prefix, string closure = "false")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..24];
        await SaveAsync(browser, id, closure);
        return id;
    }

    /// <summary>The test branch document every browser test starts from: a closure switch, a wait, a priority and a greeting.</summary>
    public static JsonObject Branch(string closure) => new()
    {
        ["description"] = "Test branch",
        ["variables"] = new JsonObject { ["closure"] = closure, ["maxWaitTime"] = "600", ["priority"] = "medium" },
        ["schema"] = new JsonObject
        {
            ["closure"] = new JsonObject { ["type"] = "boolean" },
            ["maxWaitTime"] = new JsonObject { ["type"] = "number" },
            ["priority"] = new JsonObject { ["type"] = "select", ["options"] = new JsonArray("low", "medium", "high") },
        },
        ["prompts"] = new JsonObject
        {
            ["greeting"] = new JsonObject { ["en-US"] = new JsonObject { ["voice"] = "<speak>Hello.</speak>" } },
        },
    };

    public static async Task SaveAsync(BrowserFixture browser, string id, string closure)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("setup", ["FlowConfigAdmin"]));
        (await client.PostAsJsonAsync("/api/flow-config/" + Uri.EscapeDataString(id), Branch(closure))).EnsureSuccessStatusCode();
    }

    public static async Task<JsonObject> GetConfigAsync(BrowserFixture browser, string id, string query = "")
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{browser.Gateway.InternalPort}") };
        return (await client.GetFromJsonAsync<JsonObject>("/internal/config/" + Uri.EscapeDataString(id) + query))!;
    }
}
