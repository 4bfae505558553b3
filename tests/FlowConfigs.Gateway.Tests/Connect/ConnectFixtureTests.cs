using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Resolution;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using FlowConfigs.Gateway.Tests.Infrastructure;

namespace FlowConfigs.Gateway.Tests.Connect;

/// <summary>The Connect fixtures of tests/fixtures/connect, sent to the internal port exactly as the Lambda forwards them.</summary>
public sealed class ConnectFixtureTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [MemberData(nameof(ConnectFixtures.CaseNames), MemberType = typeof(ConnectFixtures))]
    public async Task Internal_connect_answers_each_fixture_exactly(string name)
    {
        await SaveFixtureConfigAsync();
        var item = ConnectFixtures.Cases().Single(c => c!["name"]!.GetValue<string>() == name)!;

        using var response = await fixture.InternalClient().PostAsync("/internal/connect", Documents.Json(item["event"]!));
        var body = await response.Content.ReadAsStringAsync();

        if (item["expected"] is JsonObject expected)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            // Exact map, in order: flow designers see these keys as $.External.*.
            Assert.Equal(
                expected.Select(e => KeyValuePair.Create(e.Key, e.Value!.GetValue<string>())),
                JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(ToPairs(body)));
        }
        else
        {
            var error = item["error"]!;
            Assert.Equal(error["status"]!.GetValue<int>(), (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(error["message"]!.GetValue<string>(), JsonNode.Parse(body)!["detail"]!.GetValue<string>());
        }
    }

    /// <summary>The Lambda parses the event and asks this; every fixture with an id must answer the same over it.</summary>
    [Theory]
    [MemberData(nameof(ConnectFixtures.CaseNames), MemberType = typeof(ConnectFixtures))]
    public async Task Internal_get_with_the_parsed_request_answers_each_fixture_exactly(string name)
    {
        await SaveFixtureConfigAsync();
        var item = ConnectFixtures.Cases().Single(c => c!["name"]!.GetValue<string>() == name)!;
        using var contactEvent = JsonDocument.Parse(item["event"]!.ToJsonString());
        if (ConfigRequest.FromEvent(contactEvent.RootElement).Request is not { } request)
            return; // no id: the Lambda fails without asking the gateway

        var channel = request.Channel == ContactChannel.Voice ? "voice" : "chat";
        using var response = await fixture.InternalClient().GetAsync(
            $"/internal/config/{Uri.EscapeDataString(request.Id)}?lang={Uri.EscapeDataString(request.Language)}&channel={channel}");
        var body = await response.Content.ReadAsStringAsync();
        if (item["expected"] is JsonObject expected)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(
                expected.Select(e => KeyValuePair.Create(e.Key, e.Value!.GetValue<string>())),
                JsonSerializer.Deserialize<List<KeyValuePair<string, string>>>(ToPairs(body)));
        }
        else
        {
            Assert.Equal(item["error"]!["status"]!.GetValue<int>(), (int)response.StatusCode);
            Assert.Equal(item["error"]!["message"]!.GetValue<string>(), JsonNode.Parse(body)!["detail"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("?lang=en_US", "lang")]
    [InlineData("?channel=fax", "channel")]
    [InlineData("?lang=en-US&channel=SMS", "channel")]
    public async Task Bad_query_parameters_are_400_problems_naming_the_parameter(string query, string field)
    {
        using var response = await fixture.InternalClient().GetAsync("/internal/config/branch-office-austin" + query);
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, field, query);
    }

    [Fact]
    public async Task Internal_get_resolves_with_query_language_and_channel()
    {
        await SaveFixtureConfigAsync();
        using var response = await fixture.InternalClient().GetAsync("/internal/config/branch-office-austin?lang=es-US&channel=TASK");
        var map = await response.ReadMapAsync();
        Assert.Equal("Estamos cerrados, escríbanos mañana.", map["afterHours"]);
        Assert.Equal("Gracias por llamar a la sucursal de Austin.", map["greeting"]);
    }

    [Fact]
    public async Task A_save_is_seen_by_the_next_GetConfig()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var id = Documents.NewId("live");
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "false"));
        var before = await (await fixture.InternalClient().GetAsync("/internal/config/" + id)).ReadMapAsync();
        await Documents.SaveAsync(admin, id, Documents.Branch(closure: "true"));
        var after = await (await fixture.InternalClient().GetAsync("/internal/config/" + id)).ReadMapAsync();

        Assert.Equal("false", before["closure"]);
        Assert.Equal("true", after["closure"]);
    }

    [Theory]
    [InlineData("""{"id": "branch-office-austin", "channel": "fax"}""", "channel")]
    [InlineData("""{"id": "branch-office-austin", "lang": "en_US"}""", "lang")]
    [InlineData("""{"id": "../etc/passwd"}""", "id")]
    [InlineData("{", "body")]
    public async Task Bad_events_are_400_problems_naming_the_field(string body, string field)
    {
        using var response = await fixture.InternalClient().PostAsync("/internal/connect", Documents.Json(body));
        await BadInputTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, field, body);
    }

    private async Task SaveFixtureConfigAsync()
    {
        var admin = fixture.PublicClient(await fixture.TokenAsync("admin", ["FlowConfigAdmin"]));
        var response = await admin.PutAsync(Documents.Path("branch-office-austin"), Documents.Json(ConnectFixtures.StoredConfig()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Turns a JSON object into a JSON array of {Key, Value} so its order survives deserialization.</summary>
    private static string ToPairs(string objectJson) =>
        new JsonArray(JsonNode.Parse(objectJson)!.AsObject()
            .Select(p => (JsonNode)new JsonObject { ["Key"] = p.Key, ["Value"] = p.Value!.GetValue<string>() }).ToArray()).ToJsonString();
}
