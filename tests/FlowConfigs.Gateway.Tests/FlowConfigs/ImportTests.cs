using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>
/// Import plans every item (create, update, conflict, invalid, forbidden) before it writes; an existing config is
/// overwritten only when asked, and a dry run writes nothing.
/// </summary>
public sealed class ImportTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> ClientAsync(string username, string[] groups, string? full = null, string? read = null) =>
        fixture.PublicClient(await fixture.TokenAsync(username, groups, full: full, read: read));

    private Task<HttpClient> AdminAsync(string username = "admin") => ClientAsync(username, ["FlowConfigAdmin"]);

    private static async Task<JsonObject[]> ImportAsync(HttpClient client, JsonArray items, string query = "")
    {
        using var response = await client.PostAsync("/api/flow-config/import" + query, Documents.Json(items));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsArray().Select(i => i!.AsObject()).ToArray();
    }

    private static string Text(JsonObject item, string name) => item[name]?.GetValue<string>() ?? "";

    private static async Task<JsonObject?> ReadAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(Documents.Path(id));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.ReadObjectAsync();
    }

    [Fact]
    public async Task Export_change_the_id_import_creates_the_copy_whatever_version_the_file_carries()
    {
        var admin = await AdminAsync();
        var original = Documents.NewId("austin");
        await Documents.SaveAsync(admin, original, Documents.Branch());
        for (var closure = 0; closure < 3; closure++)
            await Documents.SaveAsync(admin, original, Documents.Branch(closure: closure % 2 == 0 ? "true" : "false"));
        var exported = JsonNode.Parse(await admin.GetStringAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString(original)))!.AsArray();
        Assert.Equal(4, exported[0]!["version"]!.GetValue<long>());

        var copy = Documents.NewId("austin-copy");
        exported[0]!["id"] = copy;
        var result = Assert.Single(await ImportAsync(admin, exported));

        Assert.Equal("create", Text(result, "action"));
        Assert.Equal("created", Text(result, "status"));
        Assert.Equal(1, result["version"]!.GetValue<long>());
        var stored = await ReadAsync(admin, copy);
        Assert.NotNull(stored);
        Assert.Equal(1, stored["version"]!.GetValue<long>());
        Assert.Equal("true", stored["variables"]!["closure"]!.GetValue<string>());
        Assert.Equal(4, (await ReadAsync(admin, original))!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_existing_id_without_overwrite_is_a_conflict_naming_its_version_and_nothing_is_written()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("taken");
        await Documents.SaveAsync(admin, id, Documents.Branch());
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));
        var fresh = Documents.NewId("fresh");

        var results = await ImportAsync(admin, new JsonArray(Documents.Branch(id, closure: "false"), Documents.Branch(fresh)));

        Assert.Equal(["conflict", "create"], results.Select(r => Text(r, "action")));
        Assert.Equal(["skipped", "created"], results.Select(r => Text(r, "status")));
        Assert.Equal(2, results[0]["currentVersion"]!.GetValue<long>());
        Assert.Contains("overwrite", Text(results[0], "error"));
        var stored = (await ReadAsync(admin, id))!;
        Assert.Equal(2, stored["version"]!.GetValue<long>());
        Assert.Equal("true", stored["variables"]!["closure"]!.GetValue<string>());
    }

    [Fact]
    public async Task Overwrite_saves_the_file_over_the_current_version_as_a_new_one_recorded_as_the_importer()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("over");
        await Documents.SaveAsync(admin, id, Documents.Branch());
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));
        var item = Documents.Branch(id, closure: "false");
        item["version"] = 1; // stale, from an older export: it plays no part
        var importer = await AdminAsync("ingrid");

        var result = Assert.Single(await ImportAsync(importer, new JsonArray(item), "?overwrite=true"));

        Assert.Equal("update", Text(result, "action"));
        Assert.Equal("updated", Text(result, "status"));
        Assert.Equal(2, result["currentVersion"]!.GetValue<long>());
        Assert.Equal(3, result["version"]!.GetValue<long>());
        var stored = (await ReadAsync(admin, id))!;
        Assert.Equal(3, stored["version"]!.GetValue<long>());
        Assert.Equal("false", stored["variables"]!["closure"]!.GetValue<string>());
        Assert.Equal("ingrid", stored["updatedBy"]!.GetValue<string>());
        var history = (await (await admin.GetAsync(Documents.Path(id) + "/history")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal("ingrid", history[0]!["by"]!.GetValue<string>());
        Assert.Equal(3, history[0]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_dry_run_answers_the_plan_with_field_messages_and_writes_nothing()
    {
        var admin = await AdminAsync();
        var existing = Documents.NewId("dry");
        await Documents.SaveAsync(admin, existing, Documents.Branch());
        var fresh = Documents.NewId("dry-new");
        var badVariable = Documents.Branch(Documents.NewId("dry-bad"));
        badVariable["variables"]!["closure"] = "maybe";
        var items = new JsonArray(Documents.Branch(existing, closure: "true"), Documents.Branch(fresh), badVariable, JsonValue.Create(42), Documents.Branch(fresh));

        var plan = await ImportAsync(admin, items, "?dryRun=true");
        var overwritePlan = await ImportAsync(admin, items.DeepClone().AsArray(), "?dryRun=true&overwrite=true");

        Assert.Equal(["conflict", "create", "invalid", "invalid", "invalid"], plan.Select(r => Text(r, "action")));
        Assert.Equal(["update", "create", "invalid", "invalid", "invalid"], overwritePlan.Select(r => Text(r, "action")));
        Assert.All(plan.Concat(overwritePlan), r => Assert.Null(r["status"]));
        Assert.Equal([0, 1, 2, 3, 4], plan.Select(r => r["index"]!.GetValue<int>()));
        Assert.Equal(1, plan[0]["currentVersion"]!.GetValue<long>());
        Assert.True(plan[2]["errors"]!.AsObject().ContainsKey("variables.closure"), plan[2].ToJsonString());
        Assert.True(plan[3]["errors"]!.AsObject().ContainsKey("body"), plan[3].ToJsonString());
        Assert.Contains("Item 2", plan[4]["errors"]!["id"]![0]!.GetValue<string>());
        var stored = (await ReadAsync(admin, existing))!;
        Assert.Equal(1, stored["version"]!.GetValue<long>());
        Assert.Equal("false", stored["variables"]!["closure"]!.GetValue<string>());
        Assert.Null(await ReadAsync(admin, fresh));
    }

    [Fact]
    public async Task Items_outside_the_callers_full_access_are_forbidden_without_revealing_whether_they_exist()
    {
        var admin = await AdminAsync();
        var team = Documents.NewId("team") + "/";
        var hidden = Documents.NewId("hidden");
        await Documents.SaveAsync(admin, hidden, Documents.Branch());
        var tess = await ClientAsync("tess", [], full: team + "*");

        var results = await ImportAsync(tess, new JsonArray(Documents.Branch(hidden), Documents.Branch(Documents.NewId("absent")), Documents.Branch(team + "mine")),
            "?overwrite=true");

        Assert.Equal(["forbidden", "forbidden", "create"], results.Select(r => Text(r, "action")));
        Assert.Equal(["skipped", "skipped", "created"], results.Select(r => Text(r, "status")));
        Assert.Null(results[0]["currentVersion"]);
        Assert.Equal(Text(results[0], "error").Replace(hidden, "X"), Text(results[1], "error").Replace(Text(results[1], "id"), "X"));
        Assert.Equal(1, (await ReadAsync(admin, hidden))!["version"]!.GetValue<long>());
        Assert.NotNull(await ReadAsync(admin, team + "mine"));
    }

    [Fact]
    public async Task Overwriting_a_config_needs_full_access_on_it_not_only_somewhere()
    {
        var admin = await AdminAsync();
        var team = Documents.NewId("own") + "/";
        var other = Documents.NewId("other");
        await Documents.SaveAsync(admin, other, Documents.Branch());
        // Full on their team's ids, read on everything: they see the config but may not replace it.
        var reader = await ClientAsync("rhea", [], full: team + "*", read: "*");

        var result = Assert.Single(await ImportAsync(reader, new JsonArray(Documents.Branch(other, closure: "true")), "?overwrite=true"));

        Assert.Equal("forbidden", Text(result, "action"));
        Assert.Equal("false", (await ReadAsync(admin, other))!["variables"]!["closure"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("?dryRun=yes", "dryRun")]
    [InlineData("?overwrite=1", "overwrite")]
    public async Task A_switch_that_is_not_true_or_false_is_a_400_naming_it(string query, string field)
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("switch");

        using var response = await admin.PostAsync("/api/flow-config/import" + query, Documents.Json(new JsonArray(Documents.Branch(id))));

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, field, query);
        Assert.Null(await ReadAsync(admin, id));
    }

    [Fact]
    public async Task Without_create_rights_even_a_dry_run_is_403()
    {
        var editor = await ClientAsync("eddie", ["FlowConfigEdit"]);

        using var response = await editor.PostAsync("/api/flow-config/import?dryRun=true", Documents.Json(new JsonArray(Documents.Branch(Documents.NewId("no")))));

        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, null, "an Edit-group user");
    }
}
