using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.FlowConfigs;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>Entity expansion (billion laughs) in prompts and in speech text: refused before anything expands.</summary>
[Collection(HostileCollection.Name)]
public sealed class XmlBombTests(HostileGateway gateway, ITestOutputHelper output)
{
    /// <summary>Ten levels of ten: 10^10 "lol"s, about 30 GB if anything ever expanded it.</summary>
    private static readonly string BillionLaughs =
        """<?xml version="1.0"?><!DOCTYPE speak [<!ENTITY lol0 "lol">""" +
        string.Concat(Enumerable.Range(1, 10).Select(level =>
            $"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">")) +
        "]><speak>&lol10;</speak>";

    /// <summary>The same without a prolog, starting straight at the DTD.</summary>
    private static readonly string BillionLaughsNoProlog = BillionLaughs[BillionLaughs.IndexOf("<!DOCTYPE", StringComparison.Ordinal)..];

    public static TheoryData<string> Bombs() => ["with prolog", "without prolog"];

    private static string Bomb(string kind) => kind == "with prolog" ? BillionLaughs : BillionLaughsNoProlog;

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_prompt_holding_it_is_refused_on_save_and_preview(string kind)
    {
        var before = await gateway.CheckpointAsync();
        var id = Documents.NewId("bomb");
        var document = Documents.Branch(greeting: Bomb(kind));
        var clock = Stopwatch.StartNew();

        using var save = await gateway.Admin.PutAsync(Documents.Path(id), Documents.Json(document));
        var saved = await save.Content.ReadAsStringAsync();
        BodyEndpoints.AssertRefused((int)save.StatusCode, saved, $"saving a prompt holding billion laughs ({kind})", 400);
        Assert.NotNull(JsonNode.Parse(saved)!["errors"]?["prompts.greeting.en-US.voice"]);

        document["id"] = id;
        using var preview = await gateway.Admin.PostAsync("/api/flow-config/preview",
            Documents.Json(new JsonObject { ["flowConfig"] = document, ["lang"] = "en-US", ["channel"] = "chat" }));
        BodyEndpoints.AssertRefused((int)preview.StatusCode, await preview.Content.ReadAsStringAsync(), $"previewing it ({kind})", 400);

        output.WriteLine($"both refused in {clock.ElapsedMilliseconds} ms");
        await gateway.AssertUnharmedAsync(before, output);
    }

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task Speech_preview_refuses_it(string kind)
    {
        var before = await gateway.CheckpointAsync();

        using var response = await gateway.Admin.PostAsJsonAsync("/api/preview-speech", new { text = Bomb(kind), languageCode = "en-US" });

        BodyEndpoints.AssertRefused((int)response.StatusCode, await BodyEndpoints.DescribeAsync(response), $"speaking billion laughs ({kind})");
        await gateway.AssertUnharmedAsync(before, output);
    }
}
