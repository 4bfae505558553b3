using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The API reference page renders the gateway's OpenAPI document in Chromium, within its own policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reference_page_lists_the_operations_without_console_errors()
    {
        var page = await browser.NewPageAsync();
        var document = await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/scalar/v1"), r => r.Url.EndsWith("/openapi/v1.json"));
        Assert.Equal(200, document.Status);

        // The document's tags and the bearer scheme are what the page is built from.
        await Expect(page.GetByText("Flow configs", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByText("GetConfig (internal port)", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Selected Auth Type: Bearer").First).ToBeVisibleAsync();
        browser.AssertCleanConsole(page);
    }
}
