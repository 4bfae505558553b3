using System.Text.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Domain.Configs;
using FlowConfigs.Domain.Resolution;

namespace FlowConfigs.Domain.Tests.Resolution;

/// <summary>Every case of tests/fixtures/connect, read from disk, through the event reader and the resolver.</summary>
public sealed class ConnectFixtureTests
{
    private static readonly FlowConfig Stored = Json.Config(ConnectFixtures.StoredConfig().ToJsonString());

    [Theory]
    [MemberData(nameof(ConnectFixtures.CaseNames), MemberType = typeof(ConnectFixtures))]
    public void Case_resolves_exactly_as_expected(string name)
    {
        var item = ConnectFixtures.Cases().Single(c => c!["name"]!.GetValue<string>() == name)!;
        var result = ConfigRequest.FromEvent(Json.Parse(item["event"]!.ToJsonString()));

        if (item["error"] is JsonObject error)
        {
            var message = error["message"]!.GetValue<string>();
            if (error["status"]!.GetValue<int>() == 400)
            {
                Assert.Null(result.Request);
                Assert.Equal(message, result.Message);
                return;
            }
            // Not found is decided by storage, not the reader: the request is well formed but names another id.
            Assert.NotNull(result.Request);
            Assert.NotEqual(Stored.Id, result.Request!.Id);
            Assert.Equal($"Flow config with id {result.Request.Id} not found", message);
            return;
        }

        Assert.NotNull(result.Request);
        Assert.Equal(Stored.Id, result.Request!.Id);
        var expected = item["expected"]!.AsObject().Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())).ToArray();

        var map = ConfigResolver.Resolve(Stored, result.Request.Language, result.Request.Channel, fallbackLocale: null);
        Assert.Equal(expected, map.ToArray());

        var bytes = ConfigResolver.ResolveUtf8(Stored, result.Request.Language, result.Request.Channel, fallbackLocale: null);
        var fromBytes = JsonDocument.Parse(bytes).RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).ToArray();
        Assert.Equal(expected, fromBytes);
    }

    [Fact]
    public void Every_fixture_case_is_covered() => Assert.True(ConnectFixtures.CaseNames().Count >= 8);
}
