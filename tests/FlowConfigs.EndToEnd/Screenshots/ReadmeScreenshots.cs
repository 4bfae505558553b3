using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd.Screenshots;

/// <summary>
/// The README's screenshots, taken by <c>./test.sh --screenshots</c>: a fresh gateway holding only the embedded sample
/// data, walked through as a person would (sign in, open a config, lose a save race, compare versions, settings,
/// import). Each step waits for what the picture is meant to show, so a broken page fails the run instead of being
/// captured. Nothing is written to the target directory unless every picture was taken.
/// </summary>
internal static class ReadmeScreenshots
{
    public static readonly string[] Names = ["sign-in", "list", "editor", "editor-framed", "conflict", "history", "settings", "import", "schedule", "calendar", "reviews", "draft", "audit", "operations", "usage", "insights"];

    private const string Austin = "branch-office-austin";
    private const string Queue = "queue/technical-support";

    public static async Task<int> RunAsync(string targetDirectory)
    {
        var staging = Directory.CreateTempSubdirectory("flowconfigs-screenshots-").FullName;
        var browser = new BrowserFixture();
        try
        {
            await browser.InitializeAsync();
            await TakeAllAsync(browser, staging);
            Directory.CreateDirectory(targetDirectory);
            foreach (var name in Names)
                File.Copy(Path.Combine(staging, name + ".png"), Path.Combine(targetDirectory, name + ".png"), overwrite: true);
            Console.WriteLine($"Wrote {Names.Length} screenshots to {Path.GetFullPath(targetDirectory)}");
            return 0;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"Screenshots not written: {exception}");
            return 1;
        }
        finally
        {
            await browser.DisposeAsync();
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task TakeAllAsync(BrowserFixture browser, string directory)
    {
        Task CaptureAsync(IPage page, string name, bool fullPage = true) =>
            page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = fullPage });

        // Sign-in, filled in as Alice the administrator is about to send it.
        var signIn = await browser.NewPageAsync();
        await signIn.GotoAsync("/");
        await signIn.GetByLabel("Username").FillAsync("alice");
        await signIn.GetByRole(AriaRole.Checkbox, new() { Name = "FlowConfigAdmin" }).CheckAsync();
        await CaptureAsync(signIn, "sign-in");

        // The list: the sample configs, nothing else.
        var alice = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        var table = alice.GetByRole(AriaRole.Table, new() { Name = "Flow configs" });
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = Austin })).ToBeVisibleAsync();
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "queue/technical-support" })).ToBeVisibleAsync();
        await CaptureAsync(alice, "list");

        // The editor on the Austin branch as stored, its prompts tab beside the GetConfig preview; the last two prompts
        // folded so the picture stays readable.
        await EditorPage.OpenAsync(alice, Austin, "prompts");
        await Expect(alice.GetByTestId("preview-map")).ToContainTextAsync("Thank you for calling the Austin branch.");
        await Expect(alice.GetByText("bytes (Amazon Connect's limit)")).ToBeVisibleAsync();
        foreach (var prompt in new[] { "holdMessage", "closedMessage" })
        {
            var section = alice.GetByRole(AriaRole.Button, new() { Name = prompt, Exact = true });
            await section.ClickAsync();
            await Expect(section).ToHaveAttributeAsync("aria-expanded", "false");
        }
        await CaptureAsync(alice, "editor");

        // The same editor as the Agent Workspace shows it: framed 900 px wide, no top navigation, side navigation closed.
        var (host, framed) = await new Viewport(900, Framed: true).OpenAsync(browser, "alice", ["FlowConfigAdmin"], "/configs/" + Austin);
        await host.SetViewportSizeAsync(900, Viewport.Height - 100);
        await Expect(framed.GetByRole(AriaRole.Heading, new() { Name = Austin, Level = 1 })).ToBeVisibleAsync();
        await Expect(framed.GetByRole(AriaRole.Tab, new() { Name = "Variables" })).ToBeVisibleAsync();
        await CaptureAsync(host, "editor-framed", fullPage: false);

        // Alice and Bob edit the same greeting; Alice saves first, Bob's save is refused and he compares.
        var bob = await SignIn.AsAsync(browser, "bob", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(bob, Austin, "prompts");
        var aliceGreeting = alice.GetByLabel("Voice text, greeting en-US");
        await aliceGreeting.FillAsync("<speak>Thank you for calling the Austin branch. We are open until 6 PM.</speak>");
        await EditorPage.SaveAsync(alice);
        await Expect(alice.GetByText("Saved version 2.")).ToBeVisibleAsync();
        await bob.GetByLabel("Voice text, greeting en-US").FillAsync("<speak>Welcome to the Austin branch.</speak>");
        await EditorPage.SaveAsync(bob);
        await Expect(bob.GetByText("Changed by someone else", new() { Exact = true })).ToBeVisibleAsync();
        await bob.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        var comparison = bob.GetByRole(AriaRole.Table, new() { Name = "Their version and your changes" });
        await Expect(comparison).ToContainTextAsync("We are open until 6 PM.");
        await Expect(comparison).ToContainTextAsync("Welcome to the Austin branch.");
        // The warning (in the notifications bar) and the comparison are at the top; the rest is the editor again.
        await CaptureAsync(bob, "conflict", fullPage: false);

        // History: the sample version against Alice's change.
        await alice.GotoAsync("/configs/" + Austin + "/history");
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Revisions" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await alice.GetByRole(AriaRole.Checkbox, new() { Name = "Version 1" }).CheckAsync();
        await alice.GetByRole(AriaRole.Checkbox, new() { Name = "Version 2" }).CheckAsync();
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Differences" })).ToContainTextAsync("greeting");
        await CaptureAsync(alice, "history");

        // Settings: the sample locales and voices.
        await alice.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Voices of locale 1" })).ToBeEnabledAsync();
        await Expect(alice.GetByText("English (America)")).ToBeVisibleAsync();
        await CaptureAsync(alice, "settings");

        // Import: a file from another environment with a new branch, a change to a sample config and a broken item.
        var file = Path.Combine(directory, "branches-from-staging.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(ImportFile()));
        // The review step, overwriting on: what the file would do to each config, before anything is written.
        await alice.GotoAsync("/import");
        await alice.Locator("input[type=file]").SetInputFilesAsync(file);
        await alice.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await alice.GetByLabel("Overwrite existing configs").CheckAsync();
        var plan = alice.GetByRole(AriaRole.Table, new() { Name = "Import plan" });
        await Expect(plan).ToContainTextAsync("Create");
        await Expect(plan).ToContainTextAsync("Saved over version");
        await Expect(plan).ToContainTextAsync("Invalid");
        await CaptureAsync(alice, "import");

        // The Austin branch's schedule: its timeline over Christmas 2026 and the preview on Christmas Eve afternoon, both
        // chosen days rather than today, so the picture is the same whenever it is taken.
        await EditorPage.OpenAsync(alice, Austin, "schedule");
        await alice.GetByLabel("From (America/Chicago)", new() { Exact = true }).FillAsync("2026/12/21");
        var stretches = alice.GetByRole(AriaRole.List, new() { Name = "When entries apply" }).GetByRole(AriaRole.Listitem);
        await Expect(stretches.First).ToContainTextAsync("Christmas Eve early close");
        await Expect(stretches).ToHaveCountAsync(3);
        await ScheduleData.PreviewAtAsync(alice, "America/Chicago", "2026/12/24", "16:00");
        await ScheduleData.ExpectPreviewAsync(alice, "closureReason", "holiday");
        // Tall enough for the whole tab, so the split panel beside it is not cut off where a full-page capture would stop it.
        await alice.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await alice.SetViewportSizeAsync(1440, 1560);
        await CaptureAsync(alice, "schedule", fullPage: false);
        await alice.SetViewportSizeAsync(1440, 1000);

        // A shared calendar: the sample US holidays, in words, and the branch that follows them.
        await alice.GotoAsync("/calendars/us-holidays");
        await Expect(alice.GetByRole(AriaRole.Heading, new() { Name = "Events (6)" })).ToBeVisibleAsync();
        await Expect(alice.GetByRole(AriaRole.Link, new() { Name = Austin, Exact = true })).ToBeVisibleAsync();
        await CaptureAsync(alice, "calendar");

        // Change control: changes to queue/* now need one approval. Carol (Edit) prepares an outage switch as a draft and
        // submits it; Bob (Full) finds it waiting, reads the Draft tab, approves and publishes it, then ends the outage as
        // an emergency change.
        await ChangeControlData.AddApprovalRuleAsync(browser, "queue/*", 1);
        var carol = await SignIn.AsAsync(browser, "carol", ["FlowConfigEdit"]);
        await EditorPage.OpenAsync(carol, Queue, "variables");
        await carol.GetByLabel("outageActive", new() { Exact = true }).CheckAsync();
        await ScheduleData.ChooseAsync(carol.Locator("body"), carol, "outageRegion", "east");
        await carol.GetByRole(AriaRole.Button, new() { Name = "Save as draft", Exact = true }).ClickAsync();
        await carol.GetByRole(AriaRole.Dialog, new() { Name = "Review changes" }).GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Expect(carol.GetByText("Draft saved.", new() { Exact = true })).ToBeVisibleAsync();
        await EditorPage.ShowTabAsync(carol, "Draft");
        await carol.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        var submit = carol.GetByRole(AriaRole.Dialog, new() { Name = $"Submit the draft of {Queue} for review?" });
        await submit.GetByLabel("Comment (optional)").FillAsync("Outage in the east region: callers hear the outage message until the NOC closes it.");
        await submit.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(carol.GetByText("Draft submitted for review.")).ToBeVisibleAsync();

        var approver = await SignIn.AsAsync(browser, "bob", ["FlowConfigAdmin"]);
        await approver.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        var waiting = approver.GetByRole(AriaRole.Table, new() { Name = "Drafts waiting for your approval" });
        await Expect(waiting.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(waiting.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("by carol");
        // Selected, so Approve and Reject are ready as a reviewer would find them.
        await approver.GetByRole(AriaRole.Radio, new() { Name = $"Draft of {Queue}" }).CheckAsync();
        await Expect(approver.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeEnabledAsync();
        await CaptureAsync(approver, "reviews");

        await waiting.GetByRole(AriaRole.Link, new() { Name = Queue }).ClickAsync();
        var changes = approver.GetByRole(AriaRole.Table, new() { Name = "Changes against live" });
        await Expect(changes.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(changes).ToContainTextAsync("variables.outageRegion");
        await Expect(approver.GetByRole(AriaRole.List, new() { Name = "Comments, oldest first" })).ToContainTextAsync("Outage in the east region");
        await Expect(approver.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToBeVisibleAsync();
        await CaptureAsync(approver, "draft");

        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        var approve = approver.GetByRole(AriaRole.Dialog, new() { Name = $"Approve the draft of {Queue}?" });
        await approve.GetByLabel("Comment (optional)").FillAsync("Checked with the NOC.");
        await approve.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approver.GetByText("Draft approved.")).ToBeVisibleAsync();
        await approver.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await Expect(approver.GetByText(new Regex("^Published version \\d+\\.$"))).ToBeVisibleAsync();

        await EditorPage.ShowTabAsync(approver, "Variables");
        await approver.GetByLabel("outageActive", new() { Exact = true }).UncheckAsync();
        await ScheduleData.ChooseAsync(approver.Locator("body"), approver, "outageRegion", "none");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Emergency change" }).ClickAsync();
        var emergency = approver.GetByRole(AriaRole.Dialog, new() { Name = "Emergency change" });
        await emergency.GetByLabel("Reason for the emergency change").FillAsync("Outage over, NOC on the phone; the draft would have waited for approval.");
        await emergency.GetByRole(AriaRole.Button, new() { Name = "Emergency save" }).ClickAsync();
        await Expect(approver.GetByText(new Regex("as an emergency change\\.$"))).ToBeVisibleAsync();

        // The audit, newest first: the emergency change on top, the draft's way to live below it.
        await alice.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        var entries = alice.GetByRole(AriaRole.Table, new() { Name = "Audit entries" }).GetByRole(AriaRole.Row);
        await Expect(entries.Nth(1)).ToContainTextAsync("Emergency: Outage over");
        await Expect(entries.Filter(new() { HasText = "draft-submit" })).ToHaveCountAsync(1);
        await CaptureAsync(alice, "audit");

        // Usage: contact flows read the technical support queue in English and Spanish (its outage message has no Spanish
        // text), the Austin branch once, and ask for a queue nobody created.
        await UsageData.ReadAsync(browser, Queue, [.. Enumerable.Repeat(("en-US", "voice"), 14), .. Enumerable.Repeat(("en-US", "chat"), 5),
            .. Enumerable.Repeat(("es-US", "voice"), 6), ("es-US", "chat")]);
        await UsageData.ReadAsync(browser, Austin, ("en-US", "voice"));
        await UsageData.ReadAsync(browser, "queue/billing", [.. Enumerable.Repeat(("en-US", "voice"), 9)]);
        await UsageData.WaitForReadsAsync(browser, Queue, 26);
        await UsageData.WaitForMissingIdAsync(browser, "queue/billing");
        // Tall enough for the whole tab: a full-page capture of a taller page resizes the viewport as it shoots, and
        // the tab strip, laid out again mid-capture, would show the wrong stretch of its tabs.
        await alice.SetViewportSizeAsync(1440, 1400);
        await EditorPage.OpenAsync(alice, Queue, "usage");
        await Expect(alice.GetByRole(AriaRole.Application, new() { Name = "Reads per day by language" })).ToBeVisibleAsync();
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Missing translations" })).ToContainTextAsync("outageMessage");
        await Expect(alice.GetByTestId("preview-map")).ToBeVisibleAsync();
        await CaptureAsync(alice, "usage");
        await alice.SetViewportSizeAsync(1440, 1000);

        await alice.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Ids flows ask for that do not exist" })).ToContainTextAsync("queue/billing");
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Unused configs" })).ToContainTextAsync("+18005551234");
        await CaptureAsync(alice, "insights");

        // Operations: this task, with Connect's reads of the sample configs behind its hit rate.
        foreach (var id in new[] { Austin, Queue, Austin, Queue, Austin })
            await TestConfigs.GetConfigAsync(browser, id);
        await alice.GotoAsync("/operations");
        await Expect(alice.GetByRole(AriaRole.Table, new() { Name = "Tasks" }).GetByText("This task")).ToBeVisibleAsync();
        await Expect(alice.GetByText(new Regex(@"^\d{1,3}\.\d %$"))).ToBeVisibleAsync();
        await CaptureAsync(alice, "operations");

        browser.AssertCleanConsole(signIn);
        browser.AssertCleanConsole(alice);
        browser.AssertCleanConsole(host);
        browser.AssertCleanConsole(carol);
        browser.AssertCleanConsole(approver);
        // Bob's refused save is a 412 the browser reports; nothing else may have gone wrong.
        browser.AssertCleanConsole(bob, expected: e => e.Contains("412"));
    }

    private static object[] ImportFile() =>
    [
        new
        {
            id = "branch-office-denver",
            description = "Denver branch main line",
            variables = new { closure = "false", maxWaitTime = "480", priority = "medium", transferNumber = "+13035550100" },
            schema = new
            {
                closure = new { type = "boolean" },
                maxWaitTime = new { type = "number" },
                priority = new { type = "select", options = new[] { "low", "medium", "high" } },
                transferNumber = new { type = "text" },
            },
            prompts = new
            {
                greeting = new Dictionary<string, object> { ["en-US"] = new { voice = "<speak>Thank you for calling the Denver branch.</speak>" } },
            },
        },
        new
        {
            id = "queue/technical-support",
            description = "Technical support queue",
            variables = new { tier = "1", outageActive = "true", outageRegion = "south" },
            schema = new
            {
                tier = new { type = "select", options = new[] { "1", "2", "3" } },
                outageActive = new { type = "boolean" },
                outageRegion = new { type = "select", options = new[] { "none", "north", "south", "east", "west" } },
            },
            prompts = new
            {
                outageMessage = new Dictionary<string, object>
                {
                    ["en-US"] = new { voice = "<speak>We are aware of a service outage in your area and are working to fix it.</speak>" },
                },
            },
        },
        new
        {
            id = "branch-office-dallas",
            description = "Dallas branch main line",
            variables = new { closure = "false", maxWaitTime = "ten minutes" },
            schema = new { closure = new { type = "boolean" }, maxWaitTime = new { type = "number" } },
            prompts = new
            {
                greeting = new Dictionary<string, object> { ["en-US"] = new { voice = "<speak>Thank you for calling the Dallas branch.</speak>" } },
            },
        },
    ];
}
