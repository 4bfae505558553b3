using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>Every endpoint, called by every kind of caller, answers with the status its access level allows (the table below).</summary>
public sealed class AccessMatrixTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public enum Caller { Admin, EditGroup, ReadGroup, TagFull, OtherTeam, NoGrant, NoToken, GarbageToken }

    public enum Endpoint { List, Get, Update, Create, Delete, Resolve, Preview, Export, Import, GetSettings, SaveSettings, Speech, Me, History, Revision, Rollback }

    private const string Team = "team-a/";

    // Expected status per endpoint, in Caller order (Admin, EditGroup, ReadGroup, TagFull, OtherTeam, NoGrant).
    private static readonly Dictionary<Endpoint, int[]> Expected = new()
    {
        [Endpoint.List] = [200, 200, 200, 200, 200, 200],
        [Endpoint.Get] = [200, 200, 200, 200, 403, 403],
        [Endpoint.Update] = [200, 200, 403, 200, 403, 403],
        [Endpoint.Create] = [201, 403, 403, 201, 403, 403],
        [Endpoint.Delete] = [204, 403, 403, 204, 403, 403],
        [Endpoint.Resolve] = [200, 200, 200, 200, 403, 403],
        [Endpoint.Preview] = [200, 200, 200, 200, 403, 403],
        [Endpoint.Export] = [200, 200, 200, 200, 403, 403],
        // Any Full grant may import; items outside it fail one by one (checked below), the rest is 403.
        [Endpoint.Import] = [200, 403, 403, 200, 200, 403],
        [Endpoint.GetSettings] = [200, 200, 200, 200, 200, 403],
        [Endpoint.SaveSettings] = [200, 403, 403, 403, 403, 403],
        [Endpoint.Speech] = [200, 200, 200, 200, 200, 403],
        [Endpoint.Me] = [200, 200, 200, 200, 200, 200],
        [Endpoint.History] = [200, 200, 200, 200, 403, 403],
        [Endpoint.Revision] = [200, 200, 200, 200, 403, 403],
        [Endpoint.Rollback] = [200, 403, 403, 200, 403, 403],
    };

    public static TheoryData<Endpoint, Caller> Cases()
    {
        var data = new TheoryData<Endpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<Endpoint>())
            foreach (var caller in Enum.GetValues<Caller>())
                data.Add(endpoint, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_answers_each_caller_as_the_rules_say(Endpoint endpoint, Caller caller)
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId(Team + "matrix");
        await Documents.SaveAsync(admin, id, Documents.Branch());

        using var client = await ClientFor(caller);
        using var response = await Send(client, endpoint, id);

        var expected = caller is Caller.NoToken or Caller.GarbageToken ? 401 : Expected[endpoint][(int)caller];
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        if (endpoint == Endpoint.Import && expected == 200)
        {
            var item = JsonNode.Parse(body)!.AsArray().Single()!;
            var failed = caller == Caller.OtherTeam;
            Assert.Equal(failed ? "forbidden" : "create", item["action"]!.GetValue<string>());
            Assert.Equal(failed ? "skipped" : "created", item["status"]!.GetValue<string>());
            using var imported = await admin.GetAsync(Documents.Path(item["id"]!.GetValue<string>()));
            Assert.Equal(failed ? HttpStatusCode.NotFound : HttpStatusCode.OK, imported.StatusCode);
        }

        // A refused write changes nothing.
        if (expected >= 400 && endpoint is Endpoint.Update or Endpoint.Delete or Endpoint.Rollback)
        {
            var stored = await (await admin.GetAsync(Documents.Path(id))).ReadObjectAsync();
            Assert.Equal(1, stored["version"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task List_shows_only_what_the_caller_may_read_with_their_level()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var prefix = Documents.NewId("scope") + "/";
        foreach (var name in new[] { "a/1", "a/2", "b/1" })
            await Documents.SaveAsync(admin, prefix + name, Documents.Branch());

        var scoped = fixture.PublicClient(await fixture.TokenAsync("carol", [], full: prefix + "a/1", read: prefix + "a/*"));
        var list = await (await scoped.GetAsync("/api/flow-config?pattern=" + Uri.EscapeDataString(prefix))).ReadObjectAsync();

        var items = list["items"]!.AsArray().Select(i => (i!["id"]!.GetValue<string>(), i["accessLevel"]!.GetValue<string>())).ToArray();
        Assert.Equal(new[] { (prefix + "a/1", "full"), (prefix + "a/2", "read") }, items);
    }

    private async Task<HttpClient> ClientFor(Caller caller) => caller switch
    {
        Caller.Admin => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"])),
        Caller.EditGroup => fixture.PublicClient(await fixture.TokenAsync("eddie", ["FlowConfigEdit"])),
        Caller.ReadGroup => fixture.PublicClient(await fixture.TokenAsync("reese", ["FlowConfigRead"])),
        Caller.TagFull => fixture.PublicClient(await fixture.TokenAsync("tess", [], full: Team + "*")),
        Caller.OtherTeam => fixture.PublicClient(await fixture.TokenAsync("otto", [], full: "team-b/*", read: "team-b/*")),
        Caller.NoGrant => fixture.PublicClient(await fixture.TokenAsync("nobody", [])),
        Caller.NoToken => fixture.PublicClient(null),
        _ => fixture.PublicClient("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"),
    };

    private static Task<HttpResponseMessage> Send(HttpClient client, Endpoint endpoint, string id)
    {
        var path = Documents.Path(id);
        switch (endpoint)
        {
            case Endpoint.List: return client.GetAsync("/api/flow-config?pattern=" + Uri.EscapeDataString(Team));
            case Endpoint.Get: return client.GetAsync(path);
            case Endpoint.Update: return client.PostAsync(path, Documents.Json(Documents.Branch(closure: "true")));
            case Endpoint.Create: return client.PutAsync(Documents.Path(Documents.NewId(Team + "new")), Documents.Json(Documents.Branch()));
            case Endpoint.Delete: return client.DeleteAsync(path);
            case Endpoint.Resolve: return client.GetAsync(path + "/resolve?lang=en-US&channel=chat");
            case Endpoint.Preview:
                return client.PostAsync("/api/flow-config/preview", Documents.Json(new JsonObject
                {
                    ["flowConfig"] = Documents.Branch(id), ["lang"] = "en-US", ["channel"] = "voice",
                }));
            case Endpoint.Export: return client.GetAsync("/api/flow-config/export?ids=" + Uri.EscapeDataString(id));
            case Endpoint.Import: return client.PostAsync("/api/flow-config/import", Documents.Json(new JsonArray(Documents.Branch(Documents.NewId(Team + "imported")))));
            case Endpoint.GetSettings: return client.GetAsync("/api/settings");
            case Endpoint.SaveSettings:
                return client.PostAsync("/api/settings", Documents.Json(new JsonObject
                {
                    ["locales"] = new JsonArray(
                        new JsonObject { ["code"] = "en-US", ["name"] = "English (US)", ["voices"] = new JsonArray("en-us") },
                        new JsonObject { ["code"] = "es-US", ["name"] = "Spanish (US)", ["voices"] = new JsonArray("es-419") }),
                    ["fallbackLocale"] = null,
                }));
            case Endpoint.Speech:
                return client.PostAsync("/api/preview-speech", Documents.Json(new JsonObject
                {
                    ["text"] = "<speak>Hello.</speak>", ["languageCode"] = "en-US", ["voiceId"] = "Joanna",
                }));
            case Endpoint.History: return client.GetAsync(path + "/history");
            case Endpoint.Revision: return client.GetAsync(path + "/history/1");
            case Endpoint.Rollback: return client.PostAsync(path + "/rollback/1", null);
            default: return client.GetAsync("/api/me");
        }
    }
}
