using Microsoft.Playwright;

namespace FlowConfigs.EndToEnd;

/// <summary>Signing in through the app's development sign-in page, as a person would.</summary>
internal static class SignIn
{
    public static async Task<IPage> AsAsync(BrowserFixture browser, string username, string[] groups, string? full = null, string? edit = null, string? read = null)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("Username").FillAsync(username);
        foreach (var group in new[] { "FlowConfigAdmin", "FlowConfigEdit", "FlowConfigRead" })
            await page.GetByRole(AriaRole.Checkbox, new() { Name = group }).SetCheckedAsync(groups.Contains(group));
        if (full is not null) await page.GetByLabel("Full access patterns").FillAsync(full);
        if (edit is not null) await page.GetByLabel("Edit access patterns").FillAsync(edit);
        if (read is not null) await page.GetByLabel("Read access patterns").FillAsync(read);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Flow configs" }).WaitForAsync();
        return page;
    }
}
