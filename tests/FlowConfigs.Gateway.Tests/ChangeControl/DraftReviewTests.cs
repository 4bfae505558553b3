using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using static FlowConfigs.Gateway.Tests.ChangeControl.Drafts;
using static FlowConfigs.Gateway.Tests.FlowConfigs.Documents;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>Drafts over HTTP: they never change GetConfig, four eyes before publish, stale drafts and racing approvers.</summary>
public sealed class DraftReviewTests(ChangeControlGatewayFixture fixture) : IClassFixture<ChangeControlGatewayFixture>
{
    /// <summary>A config under approval, live at version 1 (made through an emergency, the only direct way in).</summary>
    private async Task<string> LiveAsync(string prefix = "queue")
    {
        var id = NewId(prefix + "/t");
        using var admin = await fixture.UserAsync("admin");
        var body = Branch();
        body["emergency"] = new JsonObject { ["reason"] = "test set-up" };
        await SaveAsync(admin, id, body);
        return id;
    }

    [Fact]
    public async Task A_draft_never_changes_GetConfig_and_previews_and_diffs_against_live()
    {
        var id = await LiveAsync();
        using var alice = await fixture.UserAsync("alice");
        using var @internal = fixture.InternalClient();

        var draft = await PutDraftAsync(alice, id, Branch(closure: "true", greeting: "<speak>We are closed.</speak>"));
        Assert.Equal(("draft", 1L, 1L, 1), (draft["state"]!.GetValue<string>(), draft["base"]!.GetValue<long>(), draft["version"]!.GetValue<long>(),
            draft["approvalsRequired"]!.GetValue<int>()));
        Assert.Equal(["alice"], draft["authors"]!.AsArray().Select(a => a!.GetValue<string>()));

        Assert.Equal("false", await GetConfigValueAsync(@internal, id, "closure"));
        Assert.Equal("false", (await (await alice.GetAsync(Path(id) + "/resolve")).ReadMapAsync())["closure"]);
        var preview = await (await alice.GetAsync(DraftPath(id, "resolve") + "?lang=en-US")).ReadMapAsync();
        Assert.Equal(("true", "<speak>We are closed.</speak>"), (preview["closure"], preview["greeting"]));

        var diff = await alice.GetAsync(DraftPath(id, "diff")).OkAsync();
        Assert.Equal((1L, 1L), (diff["base"]!.GetValue<long>(), diff["liveVersion"]!.GetValue<long>()));
        var changes = diff["changes"]!.AsArray().Select(c => (c!["path"]!.GetValue<string>(), c["kind"]!.GetValue<string>())).ToArray();
        Assert.Equal([("variables.closure", "changed"), ("prompts.greeting.en-US", "changed")], changes);
        Assert.Equal("<speak>Hello.</speak>", diff["changes"]![1]!["before"]!["voice"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_author_may_approve_not_even_a_second_one_and_a_third_person_with_Full_publishes_it_live()
    {
        var id = await LiveAsync();
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");
        using var dave = await fixture.UserAsync("dave");
        using var bob = await fixture.UserAsync("bob");
        using var @internal = fixture.InternalClient();

        await PutDraftAsync(alice, id, Branch(closure: "true"));
        // Carol (Full) edits the draft too: she is now an author and can no longer be its approver.
        var edited = await PutDraftAsync(carol, id, Branch(closure: "true", greeting: "<speak>Closed for the holiday.</speak>"), ifMatch: "\"1\"");
        Assert.Equal(["alice", "carol"], edited["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        await ReviewAsync(alice, id, "submit", "Holiday closure").OkAsync();

        var self = await ReviewAsync(alice, id, "approve").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("/problems/approver-is-author", self["type"]!.GetValue<string>());
        var second = await ReviewAsync(carol, id, "approve").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("/problems/approver-is-author", second["type"]!.GetValue<string>());
        // Bob only edits: approving needs Full.
        var editor = await ReviewAsync(bob, id, "approve").ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Full", editor["detail"]!.GetValue<string>());
        await alice.PostAsync(DraftPath(id, "publish"), Json(new JsonObject())).ProblemAsync(HttpStatusCode.Conflict);

        var approved = await ReviewAsync(dave, id, "approve", "Checked with the floor manager").OkAsync();
        Assert.Equal("approved", approved["state"]!.GetValue<string>());
        Assert.Equal("false", await GetConfigValueAsync(@internal, id, "closure"));

        var published = await alice.PostAsync(DraftPath(id, "publish"), Json(new JsonObject())).OkAsync();
        Assert.Equal(2, published["config"]!["version"]!.GetValue<long>());
        Assert.Equal("true", await GetConfigValueAsync(@internal, id, "closure"));
        using (var gone = await alice.GetAsync(DraftPath(id)))
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        await alice.GetAsync(DraftPath(id, "diff")).ProblemAsync(HttpStatusCode.NotFound);

        var history = await alice.GetAsync(Path(id) + "/history").OkAsync();
        var top = history["items"]![0]!;
        Assert.Equal(("publish", "alice"), (top["action"]!.GetValue<string>(), top["by"]!.GetValue<string>()));
        Assert.Equal(["dave"], top["approvedBy"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Editing_a_submitted_draft_sends_it_back_and_clears_its_approvals()
    {
        var id = await LiveAsync("bank");
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");

        await PutDraftAsync(alice, id, Branch(closure: "true"));
        await ReviewAsync(alice, id, "submit").OkAsync();
        var one = await ReviewAsync(carol, id, "approve").OkAsync();
        Assert.Equal(("submitted", 1), (one["state"]!.GetValue<string>(), one["approvals"]!.AsArray().Count));
        await ReviewAsync(carol, id, "approve").ProblemAsync(HttpStatusCode.Conflict);

        var edited = await PutDraftAsync(alice, id, Branch(closure: "false", greeting: "<speak>Changed after review.</speak>"));
        Assert.Equal(("draft", 0), (edited["state"]!.GetValue<string>(), edited["approvals"]!.AsArray().Count));
        await ReviewAsync(carol, id, "approve").ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_approvers_racing_both_count_and_the_same_version_lets_only_one_through()
    {
        var id = await LiveAsync("bank");
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");
        using var dave = await fixture.UserAsync("dave");
        using var erin = await fixture.UserAsync("erin");

        await PutDraftAsync(alice, id, Branch(closure: "true"));
        await ReviewAsync(alice, id, "submit").OkAsync();
        await Task.WhenAll(ReviewAsync(carol, id, "approve").OkAsync(), ReviewAsync(dave, id, "approve").OkAsync());
        var draft = await alice.GetAsync(DraftPath(id)).OkAsync();
        Assert.Equal("approved", draft["state"]!.GetValue<string>());
        Assert.Equal(["carol", "dave"], draft["approvals"]!.AsArray().Select(a => a!["by"]!.GetValue<string>()).Order());

        // Reviewers who both read version N: the grain takes one, the other hears the draft moved.
        var id2 = await LiveAsync("bank");
        await PutDraftAsync(alice, id2, Branch(closure: "true"));
        var submitted = await ReviewAsync(alice, id2, "submit").OkAsync();
        var etag = $"\"{submitted["version"]!.GetValue<long>()}\"";
        var racing = await Task.WhenAll(ReviewAsync(dave, id2, "approve", ifMatch: etag), ReviewAsync(erin, id2, "approve", ifMatch: etag));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], racing.Select(r => r.StatusCode).Order());
        Assert.Single((await alice.GetAsync(DraftPath(id2)).OkAsync())["approvals"]!.AsArray());
    }

    [Fact]
    public async Task A_draft_whose_base_moved_is_out_of_date_and_its_publish_is_refused_with_what_changed()
    {
        var id = await LiveAsync();
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");
        using var dave = await fixture.UserAsync("dave");

        await PutDraftAsync(alice, id, Branch(closure: "true"));
        await ReviewAsync(alice, id, "submit").OkAsync();
        await ReviewAsync(dave, id, "approve").OkAsync();
        // Meanwhile an emergency change goes live.
        var urgent = Branch(greeting: "<speak>Storm warning.</speak>");
        urgent["emergency"] = new JsonObject { ["reason"] = "Storm" };
        using (var saved = await carol.PutAsync(Path(id), Json(urgent)))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var draft = await alice.GetAsync(DraftPath(id)).OkAsync();
        Assert.Equal(2, draft["outOfDate"]!["liveVersion"]!.GetValue<long>());
        var refused = await alice.PostAsync(DraftPath(id, "publish"), Json(new JsonObject())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("/problems/draft-out-of-date", refused["type"]!.GetValue<string>());
        Assert.Equal(2, refused["liveVersion"]!.GetValue<long>());
        Assert.Equal("prompts.greeting.en-US", Assert.Single(refused["changes"]!.AsArray())!["path"]!.GetValue<string>());
        Assert.Equal("<speak>Storm warning.</speak>", (await (await alice.GetAsync(Path(id))).ReadObjectAsync())["prompts"]!["greeting"]!["en-US"]!["voice"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_the_live_config_leaves_its_draft_out_of_date()
    {
        var id = await LiveAsync();
        using var alice = await fixture.UserAsync("alice");
        using var carol = await fixture.UserAsync("carol");
        await PutDraftAsync(alice, id, Branch(closure: "true"));

        using (var deleted = await carol.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Path(id))
               {
                   Content = Json(new JsonObject { ["emergency"] = new JsonObject { ["reason"] = "Branch closed for good" } }),
               }))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var draft = await alice.GetAsync(DraftPath(id)).OkAsync();
        Assert.Contains("deleted", draft["outOfDate"]!["reason"]!.GetValue<string>());
        await alice.PostAsync(DraftPath(id, "publish"), Json(new JsonObject())).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reviews_list_what_waits_for_me_and_my_own_drafts()
    {
        var id = await LiveAsync();
        using var alice = await fixture.UserAsync("alice");
        using var dave = await fixture.UserAsync("dave");
        await PutDraftAsync(alice, id, Branch(closure: "true"));
        Assert.DoesNotContain(await ReviewIdsAsync(dave), i => i == id);
        await ReviewAsync(alice, id, "submit").OkAsync();

        Assert.Contains(id, await ReviewIdsAsync(dave));
        var item = (await dave.GetAsync("/api/reviews").OkAsync())["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(("Branch office", 1, "alice"), (item["description"]!.GetValue<string>(), item["approvalsRequired"]!.GetValue<int>(), item["submittedBy"]!.GetValue<string>()));
        Assert.DoesNotContain(id, await ReviewIdsAsync(alice));
        Assert.Contains(id, await ReviewIdsAsync(alice, mine: true));
        // Alice moved to another team: her old draft is not hers to see any more.
        using var moved = fixture.PublicClient(await fixture.TokenAsync("alice", [], read: "other/*"));
        Assert.DoesNotContain(id, await ReviewIdsAsync(moved, mine: true));
    }

    private static async Task<string[]> ReviewIdsAsync(HttpClient client, bool mine = false) =>
        [.. (await client.GetAsync("/api/reviews" + (mine ? "?mine=true" : "")).OkAsync())["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
}
