using System.Net;
using System.Text.Json.Nodes;
using static FlowConfigs.Gateway.Tests.ChangeControl.Drafts;
using static FlowConfigs.Gateway.Tests.FlowConfigs.Documents;

namespace FlowConfigs.Gateway.Tests.ChangeControl;

/// <summary>
/// On a config that needs approval, every direct way in (save, rollback, delete, import) is refused with a 409 saying
/// a draft is needed, unless a Full user gives an emergency reason; that change is flagged in history and the audit log.
/// </summary>
public sealed class EmergencyTests(ChangeControlGatewayFixture fixture) : IClassFixture<ChangeControlGatewayFixture>
{
    private static JsonObject Emergency(JsonObject document, string reason)
    {
        document["emergency"] = new JsonObject { ["reason"] = reason };
        return document;
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string path, JsonObject? body) =>
        new(method, path) { Content = body is null ? null : Json(body) };

    [Fact]
    public async Task Each_direct_change_needs_a_draft_unless_it_is_an_emergency_by_a_Full_user()
    {
        using var admin = await fixture.UserAsync("admin");
        using var carol = await fixture.UserAsync("carol");
        using var alice = await fixture.UserAsync("alice");
        var id = NewId("queue/e");

        // Create.
        var refused = await admin.PostAsync(Path(id), Json(Branch())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("/problems/draft-required", 1), (refused["type"]!.GetValue<string>(), refused["approvalsRequired"]!.GetValue<int>()));
        Assert.Equal(1, await SaveAsync(carol, id, Emergency(Branch(), "Line down, callers must hear the outage message")));

        // Save: an editor may not take the emergency path; a reason is required; a Full user goes live.
        await alice.PutAsync(Path(id), Json(Branch(closure: "true"))).ProblemAsync(HttpStatusCode.Conflict);
        var notFull = await alice.PutAsync(Path(id), Json(Emergency(Branch(closure: "true"), "I am in a hurry"))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(notFull["errors"]!.AsObject().ContainsKey("emergency"));
        var blank = await carol.PutAsync(Path(id), Json(Emergency(Branch(closure: "true"), "  "))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(blank["errors"]!.AsObject().ContainsKey("emergency.reason"));
        Assert.Equal(2, await SaveAsync(carol, id, Emergency(Branch(closure: "true"), "Flood at the branch")));

        // Rollback.
        await carol.SendAsync(WithBody(HttpMethod.Post, Path(id) + "/rollback/1", null)).ProblemAsync(HttpStatusCode.Conflict);
        var rolled = await carol.SendAsync(WithBody(HttpMethod.Post, Path(id) + "/rollback/1",
            new JsonObject { ["emergency"] = new JsonObject { ["reason"] = "Flood is over" } })).OkAsync();
        Assert.Equal(3, rolled["version"]!.GetValue<long>());

        // Import: no emergency there; the item fails and says why.
        var imported = await admin.PostAsync("/api/flow-config/import?overwrite=true", Json(new JsonArray(Branch(id)))).ContinueWith(t => t.Result.Content.ReadAsStringAsync()).Unwrap();
        Assert.Contains("approval", JsonNode.Parse(imported)![0]!["error"]!.GetValue<string>());

        // Delete.
        await carol.DeleteAsync(Path(id)).ProblemAsync(HttpStatusCode.Conflict);
        using (var deleted = await carol.SendAsync(WithBody(HttpMethod.Delete, Path(id), new JsonObject { ["emergency"] = new JsonObject { ["reason"] = "Branch sold" } })))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var history = (await carol.GetAsync(Path(id) + "/history").OkAsync())["items"]!.AsArray();
        Assert.Equal(["Branch sold", "Flood is over", "Flood at the branch", "Line down, callers must hear the outage message"],
            history.Select(h => h!["emergency"]!["reason"]!.GetValue<string>()));
        var audit = (await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}").OkAsync())["items"]!.AsArray();
        Assert.Equal(["delete", "rollback", "save", "create"], audit.Select(a => a!["action"]!.GetValue<string>()));
        Assert.All(audit, a => Assert.NotNull(a!["emergency"]!["reason"]));
    }

    [Fact]
    public async Task An_import_plans_items_a_rule_covers_as_draft_required_and_writes_only_the_others()
    {
        using var admin = await fixture.UserAsync("admin");
        var (queue, bank, open) = (NewId("queue/i"), NewId("bank/i"), NewId("open/i"));
        Assert.Equal(1, await SaveAsync(admin, queue, Emergency(Branch(), "Seeded before the import")));
        var file = new JsonArray(Branch(queue, closure: "true"), Branch(bank), Branch(open));

        async Task<JsonArray> ImportAsync(string query)
        {
            using var response = await admin.PostAsync("/api/flow-config/import" + query, Json(file.DeepClone()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        }

        // The dry run already says which items need a draft, and how many approvals, before anyone relies on the file.
        var plan = await ImportAsync("?dryRun=true&overwrite=true");
        Assert.Equal(["draftRequired", "draftRequired", "create"], plan.Select(i => i!["action"]!.GetValue<string>()));
        Assert.Contains("1 approval ", plan[0]!["error"]!.GetValue<string>());
        Assert.Contains("2 approvals", plan[1]!["error"]!.GetValue<string>());

        var done = await ImportAsync("?overwrite=true");
        Assert.Equal(["skipped", "skipped", "created"], done.Select(i => i!["status"]!.GetValue<string>()));
        var live = await admin.GetAsync(Path(queue)).OkAsync();
        Assert.Equal((1, "false"), (live["version"]!.GetValue<long>(), live["variables"]!["closure"]!.GetValue<string>()));
        using (var absent = await admin.GetAsync(Path(bank)))
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        async Task<string[]> AuditedAsync(string id) =>
            (await admin.GetAsync($"/api/audit?id={Uri.EscapeDataString(id)}").OkAsync())["items"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).ToArray();
        Assert.Equal(["import"], await AuditedAsync(open));
        Assert.Equal(["create"], await AuditedAsync(queue));
        Assert.Empty(await AuditedAsync(bank));
    }

    [Fact]
    public async Task A_config_no_rule_covers_saves_directly_with_no_flag()
    {
        using var alice = await fixture.UserAsync("carol");
        var id = NewId("open/e");
        Assert.Equal(1, await SaveAsync(alice, id, Branch()));
        var top = (await alice.GetAsync(Path(id) + "/history").OkAsync())["items"]![0]!;
        Assert.Null(top["emergency"]);
    }
}
