using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// Every page an admin reaches, at the widths business users work at (<see cref="Layout.Widths"/>) and inside the Agent
/// Workspace's 900 px frame: the page never scrolls sideways, no button is squeezed narrower than its label, and
/// axe-core finds nothing serious or critical. The feature tests check their own pages in depth; this one makes sure
/// no page is left out.
/// </summary>
[Collection(LayoutCollection.Name)]
public sealed class LayoutMatrixTests(BrowserFixture browser)
{
    private const int FrameWidth = 900;

    /// <summary>Stands for a config with seven versions, so its history has rows to select and roll back to.</summary>
    private const string Versioned = "{versioned}";

    /// <summary>Stands for a config that needs approval with a draft submitted by someone else, as a reviewer finds it.</summary>
    private const string Submitted = "{submitted}";

    private static readonly string[] Paths =
    [
        "/",
        "/configs/branch-office-austin",
        "/configs/branch-office-austin?tab=variables",
        "/configs/branch-office-austin?tab=prompts",
        "/configs/branch-office-austin?tab=schedule",
        "/configs/branch-office-austin?tab=usage",
        "/configs/" + Submitted + "?tab=draft",
        "/configs/" + Versioned + "/history",
        "/configs/new",
        "/import",
        "/settings",
        "/calendars",
        "/calendars/us-holidays",
        "/reviews",
        "/reviews?view=mine",
        "/audit",
        "/operations",
        "/insights",
    ];

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var path in Paths)
        {
            foreach (var width in Layout.Widths)
                data.Add(path, width, false);
            data.Add(path, FrameWidth, true);
        }
        return data;
    }

    private static Task<string>? _versioned;
    private static Task<string>? _submitted;

    private async Task<string> PathAsync(string path)
    {
        if (path.Contains(Submitted, StringComparison.Ordinal))
        {
            var submitted = await LazyInitializer.EnsureInitialized(ref _submitted, () => ChangeControlData.SubmittedDraftAsync(browser, "matrix"));
            return path.Replace(Submitted, Uri.EscapeDataString(submitted), StringComparison.Ordinal);
        }
        if (!path.Contains(Versioned, StringComparison.Ordinal)) return path;
        var id = await LazyInitializer.EnsureInitialized(ref _versioned, () => EditorPage.CreateWithVersionsAsync(browser, "versions", 7));
        return path.Replace(Versioned, Uri.EscapeDataString(id), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fits_and_has_no_serious_accessibility_violation(string path, int width, bool framed)
    {
        var viewport = new Viewport(width, framed);
        var (page, app) = await viewport.OpenAsync(browser, "alice", ["FlowConfigAdmin"], await PathAsync(path));

        await Expect(app.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
        // Tables and pickers fill in after the heading; what is checked is the page as the user then sees it.
        await app.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Layout.AssertFitsAsync(app, $"{path} at {viewport}");
        var violations = await Axe.SeriousViolationsAsync(app);
        Assert.True(violations.Count == 0, $"{path} at {viewport}:\n" + string.Join("\n", violations));
        browser.AssertCleanConsole(page);
    }
}
