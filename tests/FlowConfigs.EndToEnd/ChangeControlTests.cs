using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static FlowConfigs.EndToEnd.ChangeControlData;
using static Microsoft.Playwright.Assertions;

namespace FlowConfigs.EndToEnd;

/// <summary>
/// Change control with two people in two browsers: an author with Edit access who can only propose, and an approver with
/// Full access who reviews; contact flows (GetConfig) see nothing until a draft is published. Each test has its own
/// namespace of ids and its own approval rule (<see cref="ChangeControlData"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChangeControlTests(BrowserFixture browser)
{
    private static ILocator Dialog(IPage page, string name) => page.GetByRole(AriaRole.Dialog, new() { Name = name });

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator Comments(IPage page) => page.GetByRole(AriaRole.List, new() { Name = "Comments, oldest first" });

    /// <summary>The draft's state as the Draft tab's summary shows it.</summary>
    private static ILocator State(IPage page) => page.Locator("xpath=//dt[normalize-space(.)='State']/following::dd[1]");

    private async Task<string> MaxWaitTimeAsync(string id) => (await TestConfigs.GetConfigAsync(browser, id))["maxWaitTime"]!.GetValue<string>();

    [Fact]
    public async Task An_author_drafts_and_submits_and_another_user_approves_and_publishes_before_contact_flows_see_the_change()
    {
        var (data, id) = await CreateAsync(browser, "approve");
        var author = await data.SignInAsync(Author);
        await EditorPage.OpenAsync(author, id, "variables");

        // Only a draft: no plain Save, and no emergency either for Edit access.
        await Expect(author.GetByText("Changes need approval", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Button(author, "Save as draft")).ToBeVisibleAsync();
        await Expect(Button(author, "Save")).ToHaveCountAsync(0);
        await Expect(Button(author, "Emergency change")).ToHaveCountAsync(0);

        await author.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("300");
        await Button(author, "Save as draft").ClickAsync();
        var review = Dialog(author, "Review changes");
        await Expect(review).ToContainTextAsync("The draft is shared and does not change what contact flows read until it is published. 1 field changes:");
        await Expect(review.GetByRole(AriaRole.Row)).ToHaveTextAsync([new Regex("Field"), new Regex("variables\\.maxWaitTime\\s*600\\s*300")]);
        await Expect(review.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToHaveCountAsync(0);
        await review.GetByRole(AriaRole.Button, new() { Name = "Save as draft", Exact = true }).ClickAsync();
        await Expect(author.GetByText("Draft saved.", new() { Exact = true })).ToBeVisibleAsync();
        Assert.Equal("600", await MaxWaitTimeAsync(id));

        await EditorPage.ShowTabAsync(author, "Draft");
        var changes = author.GetByRole(AriaRole.Table, new() { Name = "Changes against live" });
        await Expect(changes.GetByRole(AriaRole.Row)).ToHaveTextAsync([new Regex("Field"), new Regex("^variables\\.maxWaitTime\\s*Changed\\s*600\\s*300$")]);
        await Expect(State(author)).ToHaveTextAsync("Draft");
        await Button(author, "Submit for review").ClickAsync();
        var submit = Dialog(author, $"Submit the draft of {id} for review?");
        await submit.GetByLabel("Comment (optional)").FillAsync("Shorter wait for the winter peak.");
        await submit.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(author.GetByText("Draft submitted for review.")).ToBeVisibleAsync();
        await Expect(State(author)).ToHaveTextAsync("In review");
        await Expect(Comments(author)).ToContainTextAsync($"{Author} submitted for review");
        await Expect(Comments(author)).ToContainTextAsync("Shorter wait for the winter peak.");
        // The author can neither approve nor publish their own change.
        await Expect(Button(author, "Approve")).ToHaveCountAsync(0);
        await Expect(Button(author, "Publish now")).ToBeDisabledAsync();
        Assert.Equal("600", await MaxWaitTimeAsync(id));

        var approver = await data.SignInAsync(Approver);
        await approver.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        var waiting = approver.GetByRole(AriaRole.Table, new() { Name = "Drafts waiting for your approval" });
        var row = waiting.GetByRole(AriaRole.Row).Filter(new() { Has = approver.GetByRole(AriaRole.Link, new() { Name = id, Exact = true }) });
        // What it is, who wrote and submitted it, and how many approvals it still needs.
        await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(Author);
        await Expect(row).ToContainTextAsync($"by {Author}");
        await Expect(row).ToContainTextAsync("Test branch");
        await Expect(row).ToContainTextAsync("0 of 1");
        await approver.GetByRole(AriaRole.Radio, new() { Name = $"Draft of {id}" }).CheckAsync();
        await Button(approver, "Approve").ClickAsync();
        var approve = Dialog(approver, $"Approve the draft of {id}?");
        await approve.GetByLabel("Comment (optional)").FillAsync("Fine for December.");
        await approve.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approver.GetByText($"Approved the draft of {id}.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Equal("600", await MaxWaitTimeAsync(id));

        await approver.GetByRole(AriaRole.Tab, new() { Name = "My drafts" }).ClickAsync();
        await Expect(approver.GetByText("You have no open drafts.")).ToBeVisibleAsync();
        await approver.GetByRole(AriaRole.Tab, new() { Name = "Waiting for me" }).ClickAsync();
        await Expect(approver.GetByText("Nothing waits for your approval.")).ToBeVisibleAsync();

        await EditorPage.OpenAsync(approver, id, "draft");
        await Expect(State(approver)).ToHaveTextAsync("Approved");
        await Expect(approver.GetByText($"1 of 1 ({Approver})")).ToBeVisibleAsync();
        await Expect(Comments(approver)).ToContainTextAsync("Fine for December.");
        await Button(approver, "Publish now").ClickAsync();
        await Expect(approver.GetByText("Published version 2.")).ToBeVisibleAsync();
        Assert.Equal("300", await MaxWaitTimeAsync(id));
        Assert.Null(await data.DraftAsync(id));

        await EditorPage.ShowTabAsync(approver, "History");
        var latest = approver.GetByRole(AriaRole.Table, new() { Name = "Recent changes" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(latest).ToContainTextAsync("Published");
        await Expect(latest).ToContainTextAsync($"Approved by {Approver}");
        await Expect(latest.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(Approver);

        // The author's open page reads the draft's end once it looks again.
        await author.ReloadAsync();
        await Expect(author.GetByText("No draft.", new() { Exact = false })).ToBeVisibleAsync();
        browser.AssertCleanConsole(author);
        browser.AssertCleanConsole(approver);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_author_reads_it_on_the_draft_tab()
    {
        var (data, id) = await CreateAsync(browser, "reject");
        await data.SaveDraftAsync(id, "900");
        await data.SubmitAsync(id, "Longer wait, fewer abandoned calls?");

        var approver = await data.SignInAsync(Approver);
        await EditorPage.OpenAsync(approver, id, "draft");
        await Expect(State(approver)).ToHaveTextAsync("In review");
        await Button(approver, "Reject").ClickAsync();
        var reject = Dialog(approver, $"Reject the draft of {id}?");
        await reject.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(reject.GetByText("Say why, so the authors know what to change.")).ToBeVisibleAsync();
        Assert.Equal("submitted", (await data.DraftAsync(id))!["state"]!.GetValue<string>());

        await reject.GetByLabel("Comment").FillAsync("Callers hang up after ten minutes; keep 600.");
        await reject.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Expect(approver.GetByText("Draft rejected.")).ToBeVisibleAsync();
        await Expect(reject).ToBeHiddenAsync();
        await Expect(State(approver)).ToHaveTextAsync("Rejected");

        var author = await data.SignInAsync(Author);
        await EditorPage.OpenAsync(author, id);
        await Expect(author.GetByText($"A draft by {Author} is waiting (state: Rejected)")).ToBeVisibleAsync();
        await Button(author, "Open draft").ClickAsync();
        await Expect(State(author)).ToHaveTextAsync("Rejected");
        await Expect(Comments(author).GetByRole(AriaRole.Listitem)).ToHaveTextAsync(
        [
            new Regex($"^{Author} submitted for review · .*Longer wait, fewer abandoned calls\\?$"),
            new Regex($"^{Approver} rejected · .*Callers hang up after ten minutes; keep 600\\.$"),
        ]);
        // Rejected, it can be changed and submitted again, and still not published.
        await Expect(Button(author, "Submit for review")).ToBeEnabledAsync();
        await Expect(Button(author, "Publish now")).ToBeDisabledAsync();
        Assert.Equal("600", await MaxWaitTimeAsync(id));
        browser.AssertCleanConsole(author);
        browser.AssertCleanConsole(approver);
    }

    [Fact]
    public async Task An_author_with_full_access_is_not_offered_approval_and_the_gateway_refuses_it()
    {
        var (data, id) = await CreateAsync(browser, "ownwork");
        const string Admin = "alice";
        await data.SaveDraftAsync(id, "450", by: Admin);
        await data.SubmitAsync(id, "Please check.", by: Admin);

        var admin = await SignIn.AsAsync(browser, Admin, ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(admin, id, "draft");
        await Expect(admin.GetByText("You wrote part of this draft, so others approve it.")).ToBeVisibleAsync();
        await Expect(Button(admin, "Approve")).ToHaveCountAsync(0);
        await Expect(Button(admin, "Reject")).ToHaveCountAsync(0);
        await admin.GotoAsync("/reviews");
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Drafts waiting for your approval" })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = id, Exact = true })).ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Tab, new() { Name = "My drafts" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Your drafts" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = id })).ToContainTextAsync("In review");

        // Asked directly, the gateway says why.
        using var client = await data.UserAsync(Admin);
        using var response = await client.PostAsync(ConfigPath(id) + "/draft/approve", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith("/approver-is-author", System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        Assert.Equal("submitted", (await data.DraftAsync(id))!["state"]!.GetValue<string>());
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task An_emergency_change_needs_a_reason_goes_live_at_once_and_is_flagged_in_history_and_audit()
    {
        var (_, id) = await CreateAsync(browser, "emergency");
        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await EditorPage.OpenAsync(admin, id, "variables");
        await Expect(Button(admin, "Save")).ToHaveCountAsync(0);

        await admin.GetByLabel("maxWaitTime", new() { Exact = true }).FillAsync("60");
        await Button(admin, "Emergency change").ClickAsync();
        var dialog = Dialog(admin, "Emergency change");
        await Expect(dialog.GetByText("This skips approval")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Emergency save" }).ClickAsync();
        await Expect(dialog.GetByText("Enter why this change cannot wait for approval; the history and the audit show it.")).ToBeVisibleAsync();
        Assert.Equal("600", await MaxWaitTimeAsync(id));

        const string Reason = "Storm: the branch is closed by the fire department.";
        await dialog.GetByLabel("Reason for the emergency change").FillAsync(Reason);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Emergency save" }).ClickAsync();
        await Expect(admin.GetByText("Saved version 2 as an emergency change.")).ToBeVisibleAsync();
        Assert.Equal("60", await MaxWaitTimeAsync(id));

        await EditorPage.ShowTabAsync(admin, "History");
        var latest = admin.GetByRole(AriaRole.Table, new() { Name = "Recent changes" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(latest).ToContainTextAsync("Emergency");
        await Expect(latest).ToContainTextAsync("Reason: " + Reason);

        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await admin.GetByLabel("Config id").FillAsync(id);
        await Button(admin, "Search").ClickAsync();
        var entries = admin.GetByRole(AriaRole.Table, new() { Name = "Audit entries" }).GetByRole(AriaRole.Row);
        await Expect(entries.Nth(1)).ToContainTextAsync("Emergency: " + Reason);
        await Expect(entries.Nth(1).GetByText("Emergency", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(entries).ToHaveCountAsync(3); // header, the emergency save, the create
        browser.AssertCleanConsole(admin);
    }

    [Fact]
    public async Task An_approved_draft_scheduled_from_the_draft_tab_goes_live_by_itself()
    {
        var (data, id) = await CreateAsync(browser, "publishat", timeZone: "UTC");
        await data.SaveDraftAsync(id, "240");
        await data.SubmitAsync(id, "For the evening shift.");
        await data.ApproveAsync(id, "OK.");

        var author = await data.SignInAsync(Author);
        await EditorPage.OpenAsync(author, id, "draft");
        await Expect(State(author)).ToHaveTextAsync("Approved");
        await Button(author, "Publish at…").ClickAsync();
        var dialog = Dialog(author, $"Schedule publishing {id}");
        // The pickers have whole minutes: the next minute that is still a few seconds ahead when Schedule is pressed.
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        if (at - now < TimeSpan.FromSeconds(10)) at = at.AddMinutes(1);
        await ScheduleData.FillLocalAsync(dialog, "Publish at", "UTC", at.ToString("yyyy/MM/dd"), at.ToString("HH:mm"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(author.GetByText(new Regex($"^Publishing scheduled for .*{at:HH:mm} \\(UTC\\)\\.$"))).ToBeVisibleAsync();
        await Expect(author.GetByText(new Regex($"^Scheduled for .*{at:HH:mm} \\(UTC\\)$"))).ToBeVisibleAsync();
        Assert.Equal(at, (await data.DraftAsync(id))!["publishAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("600", await MaxWaitTimeAsync(id));

        // Nobody presses anything: the gateway publishes at that minute.
        var deadline = at + TimeSpan.FromSeconds(30);
        while (await MaxWaitTimeAsync(id) != "240" && DateTimeOffset.UtcNow < deadline) await Task.Delay(500);
        Assert.Equal("240", await MaxWaitTimeAsync(id));
        Assert.True(DateTimeOffset.UtcNow >= at, "published before its time");
        Assert.Null(await data.DraftAsync(id));

        await author.ReloadAsync();
        await Expect(author.GetByText("No draft.", new() { Exact = false })).ToBeVisibleAsync();
        await EditorPage.ShowTabAsync(author, "History");
        var latest = author.GetByRole(AriaRole.Table, new() { Name = "Recent changes" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(latest).ToContainTextAsync("Published");
        await Expect(latest).ToContainTextAsync($"Approved by {Approver}");
        browser.AssertCleanConsole(author);
    }

    [Fact]
    public async Task A_publish_scheduled_far_ahead_is_shown_in_the_configs_zone_and_can_be_cancelled()
    {
        var (data, id) = await CreateAsync(browser, "cancelat", timeZone: "America/Chicago");
        await data.SaveDraftAsync(id, "240");
        await data.SubmitAsync(id, "For the summer.");
        await data.ApproveAsync(id, "OK.");

        var approver = await data.SignInAsync(Approver);
        await EditorPage.OpenAsync(approver, id, "draft");
        await Button(approver, "Publish at…").ClickAsync();
        var dialog = Dialog(approver, $"Schedule publishing {id}");
        // 1 June 2030, 09:00 in Chicago (daylight time, UTC-5) is 14:00 UTC.
        await ScheduleData.FillLocalAsync(dialog, "Publish at", "America/Chicago", "2030/06/01", "09:00");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(approver.GetByText(new Regex("^Scheduled for Sat, Jun 1, 2030, 09:00 \\(America/Chicago\\)$"))).ToBeVisibleAsync();
        Assert.Equal(DateTimeOffset.Parse("2030-06-01T14:00:00Z"), (await data.DraftAsync(id))!["publishAt"]!.GetValue<DateTimeOffset>());

        await Button(approver, "Cancel schedule").ClickAsync();
        await Expect(approver.GetByText("Scheduled publishing cancelled.")).ToBeVisibleAsync();
        await Expect(approver.GetByText(new Regex("^Scheduled for "))).ToHaveCountAsync(0);
        var draft = (await data.DraftAsync(id))!;
        Assert.Null(draft["publishAt"]);
        Assert.Equal("approved", draft["state"]!.GetValue<string>());
        Assert.Equal("600", await MaxWaitTimeAsync(id));
        browser.AssertCleanConsole(approver);
    }

    [Fact]
    public async Task The_audit_lists_a_configs_changes_newest_first_and_downloads_them_as_csv()
    {
        var (data, id) = await CreateAsync(browser, "audit");
        await data.SaveDraftAsync(id, "420");
        await data.SubmitAsync(id, "Ready.");
        await data.ApproveAsync(id, "Approved in the change meeting.");
        await data.PublishAsync(id);

        var admin = await SignIn.AsAsync(browser, "alice", ["FlowConfigAdmin"]);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Audit", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByLabel("Config id").FillAsync(id);
        await Button(admin, "Search").ClickAsync();

        var table = admin.GetByRole(AriaRole.Table, new() { Name = "Audit entries" });
        var rows = table.GetByRole(AriaRole.Row);
        // The action column, newest first: the draft consumed by the publish and the live version it made, then the draft's
        // life, then the config's creation.
        await Expect(table.Locator("tbody tr td:nth-child(2)")).ToHaveTextAsync(["draft-publish", "publish", "draft-approve", "draft-submit", "draft-create", "create"]);
        await Expect(rows.Nth(2)).ToContainTextAsync($"Approved by {Approver}");
        await Expect(rows.Nth(3)).ToContainTextAsync("Comment: Approved in the change meeting.");

        var download = await admin.RunAndWaitForDownloadAsync(() => Button(admin, "Download CSV").ClickAsync());
        Assert.Matches(@"^audit-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var lines = File.ReadAllLines(await download.PathAsync());
        Assert.Equal("at,by,kind,id,version,action,approvedBy,emergencyReason,comment,detail", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(id, line));
        Assert.Contains(",draft-publish,", lines[1]);
        Assert.Contains(",publish,", lines[2]);
        browser.AssertCleanConsole(admin);
    }
}
