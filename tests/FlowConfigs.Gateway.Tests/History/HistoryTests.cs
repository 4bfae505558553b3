using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.History;

/// <summary>Undoing a bad change without an engineer: revisions, rollback, restore after delete.</summary>
public sealed class HistoryTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    private static async Task<JsonArray> HistoryAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(Documents.Path(id) + "/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }

    private async Task<string> ClosureSeenByGetConfigAsync(string id) =>
        (await (await fixture.InternalClient().GetAsync("/internal/config/" + Uri.EscapeDataString(id))).ReadMapAsync())["closure"];

    [Fact]
    public async Task Every_save_is_a_revision_listed_newest_first_with_who_and_what()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        foreach (var closure in new[] { "false", "true", "false" })
            await Documents.SaveAsync(admin, id, Documents.Branch(closure: closure));

        var items = await HistoryAsync(admin, id);
        Assert.Equal([3L, 2L, 1L], items.Select(i => i!["version"]!.GetValue<long>()));
        Assert.All(items, i => Assert.Equal("save", i!["action"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("admin", i!["by"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Null(i!["document"])); // lists stay light

        using var second = await admin.GetAsync(Documents.Path(id) + "/history/2");
        var revision = await second.ReadObjectAsync();
        Assert.Equal(2, revision["version"]!.GetValue<long>());
        Assert.Equal("true", revision["document"]!["variables"]!["closure"]!.GetValue<string>());
        Assert.Equal(2, revision["document"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Rollback_saves_an_old_document_as_a_new_version_that_GetConfig_serves()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));
        Assert.Equal("true", await ClosureSeenByGetConfigAsync(id));

        using var rollback = await admin.PostAsync(Documents.Path(id) + "/rollback/1", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        var stored = await rollback.ReadObjectAsync();
        Assert.Equal(3, stored["version"]!.GetValue<long>());
        Assert.Equal("\"3\"", rollback.Headers.ETag?.ToString());
        Assert.Equal("false", stored["variables"]!["closure"]!.GetValue<string>());
        Assert.Equal("false", await ClosureSeenByGetConfigAsync(id));

        var newest = (await HistoryAsync(admin, id))[0]!;
        Assert.Equal(("rollback", 3L), (newest["action"]!.GetValue<string>(), newest["version"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_deleted_config_keeps_its_history_for_full_users_and_can_be_restored()
    {
        var admin = await AdminAsync();
        var reader = fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"]));
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Documents.Path(id))).StatusCode);

        var items = await HistoryAsync(admin, id);
        Assert.Equal(("delete", 2L), (items[0]!["action"]!.GetValue<string>(), items[0]!["version"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(Documents.Path(id) + "/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(Documents.Path(id) + "/history/1")).StatusCode);

        // The delete revision holds what was deleted: rolling back to it brings the config back.
        using var restore = await admin.PostAsync(Documents.Path(id) + "/rollback/2", null);
        Assert.Equal(HttpStatusCode.Created, restore.StatusCode);
        Assert.Equal(3, (await restore.ReadObjectAsync())["version"]!.GetValue<long>());
        Assert.Equal("true", await ClosureSeenByGetConfigAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Documents.Path(id) + "/history")).StatusCode);
    }

    [Fact]
    public async Task Concurrent_rollbacks_with_the_same_if_match_let_exactly_one_win()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Documents.Path(id) + "/rollback/1");
            request.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
            using var response = await admin.SendAsync(request);
            return response.StatusCode;
        }));
        Assert.Single(attempts, s => s == HttpStatusCode.OK);
        Assert.All(attempts.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
        Assert.Equal(3, (await HistoryAsync(admin, id)).Count);
    }

    [Fact]
    public async Task A_stale_if_match_changes_nothing()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));

        using var request = new HttpRequestMessage(HttpMethod.Post, Documents.Path(id) + "/rollback/1");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(request)).StatusCode);
        Assert.Equal(2, (await HistoryAsync(admin, id)).Count);
        Assert.Equal("true", await ClosureSeenByGetConfigAsync(id));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("%20")]
    [InlineData("99999999999999999999999")]
    public async Task Bad_versions_are_400_naming_version_and_change_nothing(string version)
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch());

        foreach (var response in new[]
                 {
                     await admin.GetAsync(Documents.Path(id) + "/history/" + version),
                     await admin.PostAsync(Documents.Path(id) + "/rollback/" + version, null),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadObjectAsync())["errors"]?["version"]);
        }
        Assert.Single(await HistoryAsync(admin, id));
    }

    [Fact]
    public async Task Unknown_versions_and_ids_are_404()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("history");
        await Documents.SaveAsync(admin, id, Documents.Branch());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id) + "/history/7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Documents.Path(id) + "/rollback/7", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(Documents.NewId("never")) + "/history")).StatusCode);
        Assert.Single(await HistoryAsync(admin, id));
    }

    [Theory]
    [InlineData("..%2Fx")]
    [InlineData("%252F")]
    [InlineData("application-settings")]
    [InlineData("a%20b")]
    public async Task Hostile_ids_are_400_on_history_routes(string encodedId)
    {
        var admin = await AdminAsync();
        foreach (var response in new[]
                 {
                     await admin.GetAsync($"/api/flow-config/{encodedId}/history"),
                     await admin.GetAsync($"/api/flow-config/{encodedId}/history/1"),
                     await admin.PostAsync($"/api/flow-config/{encodedId}/rollback/1", null),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadObjectAsync())["errors"]?["id"]);
        }
    }
}

/// <summary>With a retention limit, only the newest revisions stay.</summary>
public sealed class HistoryRetentionTests(HistoryRetentionTests.KeepTwoFixture fixture) : IClassFixture<HistoryRetentionTests.KeepTwoFixture>
{
    public sealed class KeepTwoFixture : GatewayFixture
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("FlowConfigs:Storage:KeepRevisions", "2")];
    }

    [Fact]
    public async Task Older_revisions_are_pruned_as_new_ones_arrive()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("retention");
        for (var i = 0; i < 4; i++)
            await Documents.SaveAsync(admin, id, Documents.Branch(closure: i % 2 == 0 ? "true" : "false"));

        var items = (await (await admin.GetAsync(Documents.Path(id) + "/history")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal([4L, 3L], items.Select(i => i!["version"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(Documents.Path(id) + "/rollback/1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Documents.Path(id) + "/rollback/3", null)).StatusCode);
    }
}
