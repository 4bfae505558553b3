using Microsoft.Playwright;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// A page at a given width: in a browser window of that width, or framed by a page of the app's own origin the way the
/// Agent Workspace frames it. Tests drive the app's frame either way.
/// </summary>
internal sealed record Viewport(int Width, bool Framed)
{
    public const int Height = 900;

    public override string ToString() => Framed ? $"{Width} px iframe" : $"{Width} px";

    /// <summary>Signs in and returns the frame the app runs in, at this width.</summary>
    public async Task<(IPage Page, IFrame App)> OpenAsync(BrowserFixture browser, string username, string[] groups, string path)
    {
        var page = await SignIn.AsAsync(browser, username, groups);
        if (!Framed)
        {
            await page.SetViewportSizeAsync(Width, Height);
            await page.GotoAsync(path);
            return (page, page.MainFrame);
        }
        // The session is in this tab's sessionStorage for the app's origin, which the same-origin frame shares. The host
        // page is a plain health answer; the browser's favicon request for it is none of the app's business.
        await page.RouteAsync("**/favicon.ico", route => route.FulfillAsync(new() { Status = 204 }));
        await page.GotoAsync("/health/live");
        await page.SetContentAsync($"<iframe id=\"app\" title=\"FlowConfigs\" src=\"{browser.BaseUrl}{path}\" style=\"width:{Width}px;height:{Height - 100}px;border:0\"></iframe>");
        var app = await (await page.QuerySelectorAsync("#app"))!.ContentFrameAsync();
        return (page, app!);
    }

    public static async Task AssertFitsAsync(IFrame app, string where)
    {
        var widths = await app.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{where}: the page is {widths[0]} px wide in a {widths[1]} px viewport");
        var squeezed = await app.EvaluateAsync<string[]>(SqueezedButtons);
        Assert.True(squeezed.Length == 0, $"{where}: buttons narrower than their labels: {string.Join("; ", squeezed)}");
    }

    // A label that wraps within one text node, or content wider than the button, means the button is narrower than its label.
    private const string SqueezedButtons = """
        () => [...document.querySelectorAll("button, [role=button], [role=tab]")]
          .filter(b => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== "hidden" && b.textContent.trim())
          .filter(b => {
            if (b.scrollWidth > b.clientWidth + 1) return true;
            const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
              if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) return true;
            }
            return false;
          })
          .map(b => `"${b.textContent.trim()}" ${Math.round(b.getBoundingClientRect().width)} px wide`)
        """;
}
