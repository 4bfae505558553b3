using System.Net;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.FlowConfigs;

/// <summary>Hostile and malformed input gets a 4xx problem naming what is wrong, and nothing is stored.</summary>
public sealed class BadInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));

    public static TheoryData<string, string, string> BadDocuments() => new()
    {
        // name, raw body, the field the problem must name
        { "malformed JSON", "{\"description\": \"x\",", "body" },
        { "not an object", "[1,2]", "body" },
        { "empty body", "", "body" },
        { "description wrong type", """{"description": 5, "variables": {}, "prompts": {}}""", "description" },
        { "variables wrong type", """{"description": "d", "variables": [], "prompts": {}}""", "variables" },
        { "variable value a number", """{"description": "d", "variables": {"maxWait": 600}, "prompts": {}}""", "variables.maxWait" },
        { "unknown top-level field", """{"description": "d", "variables": {}, "prompts": {}, "owner": "x"}""", "owner" },
        { "missing description", """{"variables": {}, "prompts": {}}""", "description" },
        { "duplicate key", """{"description": "d", "variables": {"a": "1", "a": "2"}, "prompts": {}}""", "variables.a" },
        { "number schema violated", """{"description": "d", "variables": {"n": "ten"}, "schema": {"n": {"type": "number"}}, "prompts": {}}""", "variables.n" },
        { "bad language", """{"description": "d", "variables": {}, "prompts": {"p": {"english": {"voice": "hi"}}}}""", "prompts.p.english" },
        { "broken SSML", """{"description": "d", "variables": {}, "prompts": {"p": {"en-US": {"voice": "<speak>unclosed"}}}}""", "prompts.p.en-US.voice" },
        { "control characters", "{\"description\": \"d\\u0000\", \"variables\": {}, \"prompts\": {}}", "description" },
        { "unknown time zone", """{"description": "d", "variables": {}, "prompts": {}, "timeZone": "Mars/Olympus"}""", "timeZone" },
        { "schedule end before start", """{"description": "d", "variables": {"a": "1"}, "prompts": {}, "schedule": [{"name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T09:00", "variables": {"a": "2"}}]}""", "schedule[0].end" },
        { "schedule bad repeat", """{"description": "d", "variables": {"a": "1"}, "prompts": {}, "schedule": [{"name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T19:00", "repeat": "FREQ=SOMETIMES", "variables": {"a": "2"}}]}""", "schedule[0].repeat" },
        { "schedule overrides a missing variable", """{"description": "d", "variables": {"a": "1"}, "prompts": {}, "schedule": [{"name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T19:00", "variables": {"b": "2"}}]}""", "schedule[0].variables.b" },
        { "schedule breaks the schema", """{"description": "d", "variables": {"n": "1"}, "schema": {"n": {"type": "number"}}, "prompts": {}, "schedule": [{"name": "w", "start": "2026-12-24T17:00", "end": "2026-12-24T19:00", "variables": {"n": "many"}}]}""", "schedule[0].variables.n" },
        { "body id differs from URL", """{"id": "other", "description": "d", "variables": {}, "prompts": {}}""", "id" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task Save_refuses_bad_documents_and_stores_nothing(string name, string body, string field)
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("bad");

        using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field, name);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id))).StatusCode);
    }

    public static TheoryData<string> HostileIds() => new()
    {
        "..%2Fx", "a%2F%2Fb", "%2Fleading", "trailing%2F", "%2F", "%252F", "a%20b", "%3Cspeak%3E",
        "caf%C3%A9", "preview%3F", new string('x', 129), new string('y', 10 * 1024), "application-settings",
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task Hostile_ids_are_refused_on_every_id_route(string encodedId)
    {
        var admin = await AdminAsync();
        var path = "/api/flow-config/" + encodedId;

        using var save = await admin.PutAsync(path, Documents.Json(Documents.Branch()));
        using var get = await admin.GetAsync(path);
        using var delete = await admin.DeleteAsync(path);
        using var resolve = await admin.GetAsync(path + "/resolve");
        using var internalGet = await fixture.InternalClient().GetAsync("/internal/config/" + encodedId);

        foreach (var response in new[] { save, get, delete, resolve, internalGet })
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "id", encodedId);
    }

    [Fact]
    public async Task Null_bytes_are_refused_before_routing()
    {
        // Kestrel itself refuses a %00 in the request target with a bare 400; no endpoint ever sees it.
        var admin = await AdminAsync();
        using var save = await admin.PutAsync("/api/flow-config/a%00b", Documents.Json(Documents.Branch()));
        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        using var list = await admin.GetAsync("/api/flow-config?pattern=a");
        Assert.DoesNotContain("a\u0000b", await list.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("%2E%2E")]
    [InlineData("..")]
    [InlineData("%2E")]
    public async Task Dot_segments_never_reach_a_config(string encodedId)
    {
        // The server removes dot segments before routing, so these cannot even name the id route.
        var admin = await AdminAsync();
        using var response = await admin.PutAsync("/api/flow-config/" + encodedId, Documents.Json(Documents.Branch()));
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ids_that_need_encoding_round_trip_as_one_segment()
    {
        var admin = await AdminAsync();
        foreach (var id in new[] { "+18005551234", "queue/technical-support-" + Guid.NewGuid().ToString("N"), "a@b:c.d_e-f" })
        {
            Assert.Equal(1, await Documents.SaveAsync(admin, id + "x", Documents.Branch()));
            var stored = await (await admin.GetAsync(Documents.Path(id + "x"))).ReadObjectAsync();
            Assert.Equal(id + "x", stored["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Oversized_bodies_are_413_and_store_nothing()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("big");
        var huge = Documents.Branch();
        huge["variables"]!["blob"] = new string('x', 600 * 1024);

        using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(huge));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body", "600 KB body");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id))).StatusCode);
    }

    [Fact]
    public async Task A_resolved_map_over_32KB_is_413_naming_language_and_channel()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("wide");
        var document = Documents.Branch();
        document["prompts"]!["long"] = new JsonObject { ["es-US"] = new JsonObject { ["voice"] = new string('a', 33 * 1024) } };

        using var response = await admin.PostAsync(Documents.Path(id), Documents.Json(document));

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, null, "wide prompt");
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("es-US/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Documents.Path(id))).StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        var admin = await AdminAsync();
        using var response = await admin.PostAsync(Documents.Path(Documents.NewId()), new StringContent(Documents.Branch().ToJsonString()));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    public static TheoryData<string, string, string, string> OtherWriteEndpoints() => new()
    {
        // path, raw body, expected status, field
        { "/api/flow-config/preview", "{\"flowConfig\": ", "400", "body" },
        { "/api/flow-config/preview", """{"flowConfig": {"description": "d", "variables": {}, "prompts": {}}, "lang": 5}""", "400", "lang" },
        { "/api/flow-config/preview", """{"flowConfig": {"id": "x", "description": "d", "variables": {}, "prompts": {}}, "extra": 1}""", "400", "extra" },
        { "/api/flow-config/preview", """{"flowConfig": {"id": "x", "description": 1, "variables": {}, "prompts": {}}}""", "400", "flowConfig.description" },
        { "/api/flow-config/import", "[{", "400", "body" },
        { "/api/flow-config/import", """{"not": "an array"}""", "400", "body" },
        { "/api/settings", "{", "400", "body" },
        { "/api/settings", """{"locales": "en-US"}""", "400", "locales" },
        { "/api/settings", """{"locales": [], "fallbackLocale": "en-US"}""", "400", "fallbackLocale" },
        { "/api/settings", """{"locales": [], "colour": "red"}""", "400", "colour" },
        { "/api/preview-speech", "{", "400", "body" },
        { "/api/preview-speech", """{"text": 5, "languageCode": "en-US"}""", "400", "text" },
        { "/api/preview-speech", """{"text": "hi", "languageCode": "english"}""", "400", "languageCode" },
        { "/api/preview-speech", """{"text": "hi", "languageCode": "en-US", "voiceId": "../../etc"}""", "400", "voiceId" },
        { "/api/preview-speech", """{"text": "hi", "languageCode": "en-US", "pitch": 3}""", "400", "pitch" },
    };

    [Theory]
    [MemberData(nameof(OtherWriteEndpoints))]
    public async Task Other_write_endpoints_refuse_bad_bodies_with_a_named_field(string path, string body, string status, string field)
    {
        var admin = await AdminAsync();
        var settingsBefore = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();

        using var response = await admin.PostAsync(path, Documents.Json(body));

        await AssertProblemAsync(response, (HttpStatusCode)int.Parse(status), field, path);
        var settingsAfter = await (await admin.GetAsync("/api/settings")).ReadObjectAsync();
        Assert.Equal(settingsBefore["version"]!.GetValue<long>(), settingsAfter["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Speech_text_over_3000_characters_is_400()
    {
        var admin = await AdminAsync();
        var body = new JsonObject { ["text"] = new string('a', 3001), ["languageCode"] = "en-US" };
        using var response = await admin.PostAsync("/api/preview-speech", Documents.Json(body));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text", "3001 characters");
    }

    [Fact]
    public async Task Import_reports_each_bad_item_and_saves_the_good_ones()
    {
        var admin = await AdminAsync();
        var good = Documents.NewId("imp");
        var items = new JsonArray(
            Documents.Branch(good),
            Documents.Branch("../evil"),
            new JsonObject { ["id"] = Documents.NewId("imp"), ["description"] = 3 },
            JsonValue.Create(42));

        using var response = await admin.PostAsync("/api/flow-config/import", Documents.Json(items));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(new[] { "created", "skipped", "skipped", "skipped" }, results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.All(results.Skip(1), r => Assert.Equal("invalid", r!["action"]!.GetValue<string>()));
        Assert.All(results.Skip(1), r => Assert.False(string.IsNullOrEmpty(r!["error"]!.GetValue<string>())));
        Assert.All(results.Skip(1), r => Assert.NotEmpty(r!["errors"]!.AsObject()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Documents.Path(good))).StatusCode);
    }

    [Fact]
    public async Task Malformed_preconditions_are_400()
    {
        var admin = await AdminAsync();
        var id = Documents.NewId("pre");
        var request = new HttpRequestMessage(HttpMethod.Post, Documents.Path(id)) { Content = Documents.Json(Documents.Branch()) };
        request.Headers.TryAddWithoutValidation("If-Match", "not-an-etag");
        using var response = await admin.SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "If-Match", "If-Match");
    }

    internal static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string because)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{because}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field), $"{because}: the problem should name '{field}': {body}");
        }
        return problem;
    }
}
