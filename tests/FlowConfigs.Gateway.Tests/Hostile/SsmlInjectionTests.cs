using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>
/// SSML that asks the speech engine or the XML parser to read files of the server. Speech preview must refuse it
/// (4xx, never the file's bytes) and a save must not store it (400 naming the prompt).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class SsmlInjectionTests(HostileGateway gateway, ITestOutputHelper output)
{
    public static TheoryData<string> Injections() =>
    [
        """<speak><audio src="/etc/passwd"/></speak>""",
        """<speak><audio src="/usr/bin/espeak-ng"/></speak>""",
        """<?xml version="1.0"?><!DOCTYPE speak [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><speak>&xxe;</speak>""",
        """<speak xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></speak>""",
    ];

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Speech_preview_refuses_it(string ssml)
    {
        var before = await gateway.CheckpointAsync();

        using var response = await gateway.Admin.PostAsJsonAsync("/api/preview-speech", new { text = ssml, languageCode = "en-US" });
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.False(Contains(bytes, "root:x:0:0"u8), "the answer holds /etc/passwd");
        Assert.False(Contains(bytes, "\u007fELF"u8), "the answer holds an executable");
        BodyEndpoints.AssertRefused((int)response.StatusCode, await BodyEndpoints.DescribeAsync(response), ssml);
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task A_save_does_not_store_it(string ssml)
    {
        var before = await gateway.CheckpointAsync();
        var id = Documents.NewId("ssml");

        using var response = await gateway.Admin.PutAsync(Documents.Path(id), Documents.Json(Documents.Branch(greeting: ssml)));

        var body = await response.Content.ReadAsStringAsync();
        BodyEndpoints.AssertRefused((int)response.StatusCode, body, ssml, 400);
        Assert.NotNull(JsonNode.Parse(body)!["errors"]?["prompts.greeting.en-US.voice"]);
        await gateway.AssertUnharmedAsync(before, output);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
