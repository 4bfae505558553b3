using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// Reads as contact flows make them (GetConfig on the internal port), and waiting until the usage counts show them: the
/// browser fixture's gateway flushes its counts every second.
/// </summary>
internal static class UsageData
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>One GetConfig call per (language, channel); an id no config has answers 404 and is still counted.</summary>
    public static async Task ReadAsync(BrowserFixture browser, string id, params (string Language, string Channel)[] reads)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{browser.Gateway.InternalPort}") };
        foreach (var (language, channel) in reads)
        {
            using var response = await client.GetAsync($"/internal/config/{Uri.EscapeDataString(id)}?lang={language}&channel={channel}");
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound, $"GetConfig {id}: {response.StatusCode}");
        }
    }

    /// <summary>Waits until the config's usage counts at least <paramref name="reads"/> reads.</summary>
    public static Task WaitForReadsAsync(BrowserFixture browser, string id, int reads) =>
        WaitAsync(browser, $"/api/flow-config/{Uri.EscapeDataString(id)}/usage?days=1", body => body["reads"]!.GetValue<int>() >= reads, $"{reads} reads of {id}");

    /// <summary>Waits until flows asking for an id no config has shows among the missing ids.</summary>
    public static Task WaitForMissingIdAsync(BrowserFixture browser, string id) =>
        WaitAsync(browser, "/api/usage?days=1", body => body["missingIds"]!.AsArray().Any(m => m!["id"]!.GetValue<string>() == id), $"{id} among the missing ids");

    private static async Task WaitAsync(BrowserFixture browser, string path, Func<JsonObject, bool> done, string what)
    {
        using var client = browser.Gateway.PublicClient(await browser.Gateway.TokenAsync("usage-check", ["FlowConfigAdmin"]));
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var body = await client.GetFromJsonAsync<JsonObject>(path);
            if (done(body!)) return;
            Assert.True(DateTime.UtcNow < deadline, $"No {what} after {Patience.TotalSeconds} s: {body!.ToJsonString()}");
            await Task.Delay(250);
        }
    }
}
