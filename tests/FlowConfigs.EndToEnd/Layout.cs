using Microsoft.Playwright;

namespace FlowConfigs.EndToEnd;

/// <summary>What every page must hold to at any window width or in a frame: nothing wider than the window, no squeezed button.</summary>
internal static class Layout
{
    /// <summary>A desktop, a small laptop (the navigation still open beside the content), a phone.</summary>
    public static readonly int[] Widths = [1440, 1024, 390];

    public static TheoryData<int> WidthCases() => new(Widths);

    public static Task ResizeAsync(IPage page, int width) => page.SetViewportSizeAsync(width, 900);

    /// <summary>
    /// The page does not scroll sideways, and every visible button is at least as wide as its label, which stays on one
    /// line. With <paramref name="noScrollingRegions"/>, no region inside the page scrolls sideways either (a table
    /// that needs a horizontal scroll bar counts as not fitting).
    /// </summary>
    /// <summary>The page itself does not scroll sideways (what is inside it may, e.g. an open dropdown's list).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IFrame page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{what}: the page is {widths[0]} px wide in a {widths[1]} px window");
    }

    public static Task AssertFitsAsync(IPage page, string what, bool noScrollingRegions = false) =>
        AssertFitsAsync(page.MainFrame, what, noScrollingRegions);

    /// <summary>The same for the app in a frame (the Agent Workspace's), measured against the frame's own width.</summary>
    public static async Task AssertFitsAsync(IFrame page, string what, bool noScrollingRegions = false)
    {
        await AssertNoSidewaysScrollAsync(page, what);

        var squeezed = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("button, a[role=button], [role=tab]")]
              .filter(b => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== "hidden" && b.textContent.trim())
              .flatMap(b => {
                const box = b.getBoundingClientRect();
                const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
                const problems = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (!node.textContent.trim()) continue;
                  const range = document.createRange();
                  range.selectNodeContents(node);
                  const rects = [...range.getClientRects()].filter(r => r.width > 0);
                  // Text that is not drawn (a disabled button's reason kept for screen readers) takes no room.
                  if (rects.length === 0) continue;
                  const lines = new Set(rects.map(r => Math.round(r.top))).size;
                  const text = range.getBoundingClientRect();
                  if (lines > 1 || text.left < box.left - 0.5 || text.right > box.right + 0.5)
                    problems.push(`"${node.textContent.trim()}": label ${Math.round(text.width)} px on ${lines} line(s), button ${Math.round(box.width)} px`);
                }
                // A segmented control draws the divider between segments 5 px past each one's edge: that overhang is
                // no content (the label itself is measured above).
                const segment = b.hasAttribute("aria-pressed") && b.parentElement?.getAttribute("role") === "toolbar";
                if (!segment && b.scrollWidth > b.clientWidth + 1) problems.push(`"${b.textContent.trim()}": content ${b.scrollWidth} px in ${b.clientWidth} px`);
                return problems;
              })
            """);
        Assert.True(squeezed.Length == 0, $"{what}: buttons narrower than their labels:\n" + string.Join("\n", squeezed));

        if (!noScrollingRegions) return;
        var scrolling = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("body *")]
              .filter(e => e.offsetParent !== null && ["auto", "scroll"].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
              .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}: ${e.scrollWidth} px in ${e.clientWidth} px`)
            """);
        Assert.True(scrolling.Length == 0, $"{what}: regions that scroll sideways:\n" + string.Join("\n", scrolling));
    }
}
