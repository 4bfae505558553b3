using System.Net;
using System.Text.Json.Nodes;
using static FlowConfigs.Gateway.Tests.ChangeControl.Drafts;
using static FlowConfigs.Gateway.Tests.FlowConfigs.Documents;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>The audit log over HTTP: every kind of change, filters, paging, CSV, and who may read it.</summary>
public sealed class AuditApiTests(ChangeControlGatewayFixture fixture) : IClassFixture<ChangeControlGatewayFixture>
{
    [Fact]
    public async Task Drafts_reviews_publish_settings_and_calendars_are_audited_newest_first()
    {
        using var admin = await fixture.UserAsync("admin");
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");
        using var dave = await fixture.UserAsync("dave");
        var id = NewId("queue/a");

        // Drafting a new config needs Full (carol); alice then edits it.
        await PutDraftAsync(carol, id, Branch(id));
        await PutDraftAsync(alice, id, Branch(id, closure: "true"));
        await ReviewAsync(alice, id, "submit", "New queue").OkAsync();
        await ReviewAsync(dave, id, "reject", "Missing Spanish prompt").OkAsync();
        await PutDraftAsync(alice, id, Branch(id));
        await ReviewAsync(alice, id, "submit").OkAsync();
        await ReviewAsync(dave, id, "approve").OkAsync();
        await carol.PostAsync(DraftPath(id, "publish"), Json(new JsonObject())).OkAsync();

        var lines = (await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}").OkAsync())["items"]!.AsArray();
        Assert.Equal(["draft-publish", "publish", "draft-approve", "draft-submit", "draft-edit", "draft-reject", "draft-submit", "draft-edit", "draft-create"],
            lines.Select(l => l!["action"]!.GetValue<string>()));
        Assert.Equal(("dave", "Missing Spanish prompt"), (lines[5]!["by"]!.GetValue<string>(), lines[5]!["comment"]!.GetValue<string>()));
        Assert.Equal(["dave"], lines[1]!["approvedBy"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(("flowconfig", "draft"), (lines[1]!["kind"]!.GetValue<string>(), lines[0]!["kind"]!.GetValue<string>()));

        var settings = (await admin.GetAsync("/api/audit?id=application-settings").OkAsync())["items"]!.AsArray();
        Assert.Equal(("settings", "save", "admin"), (settings[^1]!["kind"]!.GetValue<string>(), settings[^1]!["action"]!.GetValue<string>(), settings[^1]!["by"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_filters_narrow_and_csv_carries_every_matching_line()
    {
        using var admin = await fixture.UserAsync("admin");
        var id = NewId("open/paged");
        for (var i = 0; i < 25; i++)
            await SaveAsync(admin, id, Branch(greeting: $"<speak>Version {i + 1}, with a comma.</speak>"));

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}&limit=10" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))).OkAsync();
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["version"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(v => (long)v), seen);

        Assert.Empty((await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}&user=nobody").OkAsync())["items"]!.AsArray());
        Assert.Empty((await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}&to=2020-01-01").OkAsync())["items"]!.AsArray());

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit?id={Uri.EscapeDataString(id)}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await admin.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"audit-", csv.Content.Headers.ContentDisposition?.ToString());
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,by,kind,id,version,action,approvedBy,emergencyReason,comment,detail", rows[0].TrimEnd('\r'));
        Assert.Equal(26, rows.Length);
        Assert.Contains($",admin,flowconfig,{id},25,save,", rows[1]);
    }

    [Fact]
    public async Task Only_Full_on_every_config_reads_it_and_bad_filters_name_their_field()
    {
        using var carol = await fixture.UserAsync("carol");
        using var admin = await fixture.UserAsync("admin");
        await carol.GetAsync("/api/audit").ProblemAsync(HttpStatusCode.Forbidden);
        var bad = await admin.GetAsync("/api/audit?from=yesterday&limit=9999").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("from"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("limit"));
    }
}
