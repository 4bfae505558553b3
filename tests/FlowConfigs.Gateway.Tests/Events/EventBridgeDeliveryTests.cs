using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using FlowConfigs.Grains.Tests.Storage;

namespace FlowConfigs.Gateway.Tests.Events;

/// <summary>The gateway with <c>FlowConfigs:Events:Provider=EventBridge</c>, its EventBridge endpoint a loopback stand-in.</summary>
public sealed class EventBridgeGatewayFixture : GatewayFixture
{
    public const string SecretKey = DynaliteFixture.SecretKey;
    public const string BusName = "flowconfigs-changes";
    public const string Region = "eu-west-2";

    public LoopbackAwsEndpoint EventBridge { get; } = new();

    /// <summary>Configs whose events the stand-in refuses once, as PutEvents does: 200 with the entry failed.</summary>
    public HashSet<string> FailOnce { get; } = [];

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("FlowConfigs:Events:Provider", "EventBridge"),
        new("FlowConfigs:Events:EventBridge:BusName", BusName),
        new("FlowConfigs:Events:EventBridge:ServiceUrl", EventBridge.Url),
        new("FlowConfigs:Events:EventBridge:Region", Region),
        new("FlowConfigs:Events:PollInterval", "00:00:00.500"),
        new("FlowConfigs:Events:FirstRetryDelay", "00:00:00.200"),
        new("FlowConfigs:Events:MaxRetryDelay", "00:00:01"),
        new("FlowConfigs:SampleData:Enabled", "false"),
    ];

    public override async Task InitializeAsync()
    {
        DynaliteFixture.UseTestCredentials();
        EventBridge.Respond = Answer;
        await EventBridge.InitializeAsync();
        await base.InitializeAsync();
    }

    private LoopbackAwsEndpoint.Reply Answer(LoopbackAwsEndpoint.Received request)
    {
        var detail = JsonNode.Parse(JsonNode.Parse(request.Body)!["Entries"]![0]!["Detail"]!.GetValue<string>())!;
        lock (FailOnce)
            if (FailOnce.Remove(detail["id"]!.GetValue<string>()))
                return LoopbackAwsEndpoint.Reply.Json("""{"FailedEntryCount":1,"Entries":[{"ErrorCode":"InternalFailure","ErrorMessage":"Try again"}]}""");
        return LoopbackAwsEndpoint.Reply.Json($$"""{"FailedEntryCount":0,"Entries":[{"EventId":"{{Guid.NewGuid()}}"}]}""");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await EventBridge.DisposeAsync();
    }
}

public sealed class EventBridgeDeliveryTests(EventBridgeGatewayFixture fixture) : IClassFixture<EventBridgeGatewayFixture>
{
    private LoopbackAwsEndpoint.Received[] PutsOf(string id) => fixture.EventBridge.Take("/")
        .Where(r => DetailOf(r)["id"]!.GetValue<string>() == id)
        .ToArray();

    private async Task<LoopbackAwsEndpoint.Received[]> WaitForPutsAsync(string id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (PutsOf(id).Length < count)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{count} PutEvents for {id} not seen; {PutsOf(id).Length} were");
            await Task.Delay(20);
        }
        return PutsOf(id);
    }

    private async Task<HttpClient> AdminAsync() => fixture.PublicClient(await fixture.TokenAsync("ada", ["FlowConfigAdmin"]));

    private static JsonObject DetailOf(LoopbackAwsEndpoint.Received put) =>
        JsonNode.Parse(JsonNode.Parse(put.Body)!["Entries"]![0]!["Detail"]!.GetValue<string>())!.AsObject();

    [Fact]
    public async Task A_save_is_put_on_the_bus_in_a_signed_PutEvents_request()
    {
        var id = "bus-" + Guid.NewGuid().ToString("N")[..8];
        await Saves.PutAsync(await AdminAsync(), id, "first");
        var put = Assert.Single(await WaitForPutsAsync(id, 1));
        var detail = DetailOf(put);
        Assert.Equal(["eventId", "type", "id", "version", "action", "by", "at"], detail.Select(p => p.Key));
        Assert.Equal(("flowconfig.changed", id, 1L, "create", "ada"), (detail["type"]!.GetValue<string>(), detail["id"]!.GetValue<string>(),
            detail["version"]!.GetValue<long>(), detail["action"]!.GetValue<string>(), detail["by"]!.GetValue<string>()));

        Assert.Equal("POST", put.Method);
        Assert.Equal("/", put.Path);
        Assert.Equal("AWSEvents.PutEvents", put.Headers["x-amz-target"]);
        Assert.Equal("application/x-amz-json-1.1", put.Headers["content-type"]);
        var expected = new JsonObject
        {
            ["Entries"] = new JsonArray(new JsonObject
            {
                ["Source"] = "flowconfigs",
                ["DetailType"] = "flowconfig.changed",
                ["Detail"] = detail.ToJsonString(),
                ["EventBusName"] = EventBridgeGatewayFixture.BusName,
            }),
        };
        Assert.Equal(expected.ToJsonString(), put.BodyText);

        var signature = SigV4.Verify(put, EventBridgeGatewayFixture.SecretKey, EventBridgeGatewayFixture.Region, "events");
        Assert.Equal("test", signature.AccessKey);
        Assert.Contains("x-amz-target", signature.SignedHeaders);
        // The check is real: the same request with one byte of the body changed does not verify.
        var tampered = put with { Body = [.. put.Body[..^2], (byte)' ', put.Body[^1]] };
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SigV4.Verify(tampered, EventBridgeGatewayFixture.SecretKey, EventBridgeGatewayFixture.Region, "events"));
    }

    [Fact]
    public async Task An_entry_PutEvents_failed_is_put_again_before_the_next_event_of_its_config()
    {
        var id = "failed-entry-" + Guid.NewGuid().ToString("N")[..8];
        lock (fixture.FailOnce) fixture.FailOnce.Add(id);
        var admin = await AdminAsync();
        await Saves.PutAsync(admin, id, "first");
        await Saves.PutAsync(admin, id, "second");

        var puts = await WaitForPutsAsync(id, 3);
        // Refused (FailedEntryCount 1), put again as it was, and only then the next version.
        Assert.Equal([1L, 1L, 2L], puts.Select(p => DetailOf(p)["version"]!.GetValue<long>()));
        Assert.Equal(DetailOf(puts[0])["eventId"]!.GetValue<string>(), DetailOf(puts[1])["eventId"]!.GetValue<string>());
        Assert.Equal(puts[0].BodyText, puts[1].BodyText);
        foreach (var put in puts)
            SigV4.Verify(put, EventBridgeGatewayFixture.SecretKey, EventBridgeGatewayFixture.Region, "events");
    }
}
