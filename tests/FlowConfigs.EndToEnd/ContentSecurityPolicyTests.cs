using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>The app works under its Content-Security-Policy in Chromium, and the policy really refuses injected script.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Play_button_plays_speech_within_the_policy()
    {
        var id = await TestConfigs.CreateAsync(browser, "play");
        var page = await SignIn.AsAsync(browser, "paula", ["FlowConfigRead"]);
        await EditorPage.OpenAsync(page, id, "prompts");
        var play = page.GetByRole(AriaRole.Button, new() { Name = "Play greeting en-US" });

        var speech = await page.RunAndWaitForResponseAsync(() => play.ClickAsync(), r => r.Url.EndsWith("/api/preview-speech"));
        Assert.Equal(200, speech.Status);
        // The audio element loads the blob: URL once the response is in; the button is idle again when play() settled.
        await Expect(play).ToBeEnabledAsync();
        await Expect(page.GetByText("Could not play")).ToHaveCountAsync(0);
        browser.AssertCleanConsole(page);
    }

    [Fact]
    public async Task Injected_inline_script_is_refused()
    {
        var page = await SignIn.AsAsync(browser, "ivy", ["FlowConfigRead"]);

        var ran = await page.EvaluateAsync<bool>("""
            () => {
              const script = document.createElement("script");
              script.textContent = "window.injected = true";
              document.head.appendChild(script);
              return window.injected === true;
            }
            """);

        Assert.False(ran);
        browser.AssertCleanConsole(page, expected: e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
