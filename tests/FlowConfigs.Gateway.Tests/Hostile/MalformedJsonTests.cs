using System.Text;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>Bodies that are not JSON, not quite JSON, or JSON built to hurt a parser: a 400 problem on every endpoint.</summary>
[Collection(HostileCollection.Name)]
public sealed class MalformedJsonTests(HostileGateway gateway, ITestOutputHelper output)
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    // Every body carries the fields of every endpoint, each wrong in the row's way, so one body is hostile to all.
    private static readonly Dictionary<string, byte[]> Bodies = new()
    {
        ["truncated"] = Utf8("""{"description": "x", "variables": {"a": "1"}, "prompts": {"p": {"en-US": {"voice": "hi"""),
        ["wrong types"] = Utf8("""
            {"id": 5, "description": true, "variables": [], "prompts": null, "schema": 7, "version": "7", "locales": {},
             "fallbackLocale": [], "text": 1, "languageCode": [], "voiceId": {}, "username": {}, "groups": "x", "flowConfig": "x",
             "lang": 5, "channel": 5, "Details": 7}
            """),
        ["duplicate keys"] = Utf8("""
            {"id": "", "id": "", "description": "a", "description": "b", "variables": {}, "prompts": {}, "locales": [], "locales": [],
             "text": "a", "text": "b", "languageCode": "english", "username": "a", "username": "b", "flowConfig": {}, "flowConfig": {}}
            """),
        ["NaN"] = Utf8("""{"id": NaN, "description": "d", "variables": {}, "prompts": {}, "version": NaN, "text": NaN}"""),
        ["Infinity"] = Utf8("""{"id": -Infinity, "description": "d", "variables": {}, "prompts": {}, "version": Infinity}"""),
        ["huge numbers"] = Utf8("""
            {"id": 1e308, "description": "d", "variables": {}, "prompts": {}, "version": 1e999999, "locales": [],
             "text": 123456789012345678901234567890123456789, "username": -1e309, "flowConfig": 1e400}
            """),
        ["a number of 12,000 digits"] = Utf8($$"""{"id": {{new string('9', 12_000)}}, "version": {{new string('9', 12_000)}}}"""),
        ["invalid UTF-8"] = Concat(Utf8("{\"id\": \"a"), [0xC3, 0x28], Utf8("\", \"description\": \"d"), [0xFF, 0xFE],
            Utf8("\", \"text\": \"x"), [0xED, 0xA0, 0x80], Utf8("\", \"username\": \"u\", \"variables\": {}, \"prompts\": {}, \"locales\": []}")),
        ["overlong UTF-8 for '/'"] = Concat(Utf8("{\"id\": \"a"), [0xC0, 0xAF], Utf8("..\", \"description\": \"d\", \"variables\": {}, \"prompts\": {}}")),
        ["escaped unpaired surrogates"] = Utf8("""
            {"id": "\ud800", "description": "\udc00x", "variables": {"\ud800": "1"}, "prompts": {}, "text": "\ud800",
             "languageCode": "en-US", "username": "\ud800", "locales": [{"code": "en-US", "name": "\udfff"}], "flowConfig": {"description": "\ud800"}}
            """),
        ["UTF-8 BOM"] = Concat([0xEF, 0xBB, 0xBF], Utf8("""{"id": "", "description": 5, "variables": {}, "prompts": {}}""")),
        ["UTF-16 with BOM"] = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("""{"id": "", "description": 5}""")),
        ["10,000 nested arrays"] = Utf8(new string('[', 10_000) + new string(']', 10_000)),
        ["10,000 nested objects"] = Utf8(string.Concat(Enumerable.Repeat("""{"a":""", 10_000)) + "1" + new string('}', 10_000)),
        ["empty"] = [],
        ["null"] = Utf8("null"),
        ["binary"] = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray(),
    };

    public static TheoryData<string> Kinds() => [.. Bodies.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_endpoint_refuses_it_with_a_problem(string kind)
    {
        var before = await gateway.CheckpointAsync();

        foreach (var endpoint in BodyEndpoints.All)
        {
            var (status, body) = await gateway.SendAsync(endpoint, Bodies[kind]);
            BodyEndpoints.AssertRefused(status, body, $"{kind} to {endpoint}", 400, 413);
        }

        await gateway.AssertUnharmedAsync(before, output);
    }
}
