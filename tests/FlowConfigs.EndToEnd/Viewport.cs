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
}
