using System.Text;
using System.Text.Json.Nodes;
using FlowConfigs.Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FlowConfigs.Gateway.Tests.Hostile;

/// <summary>Bodies over an endpoint's cap are 413 problems, whether the size is declared, chunked, or a lie.</summary>
[Collection(HostileCollection.Name)]
public sealed class OversizedBodyTests(HostileGateway gateway, ITestOutputHelper output)
{
    public static TheoryData<string> Endpoints() => [.. BodyEndpoints.All.Select(e => e.Name)];

    /// <summary>Valid JSON just over the cap: only its size is wrong.</summary>
    private static byte[] OverCap(BodyEndpoint endpoint) =>
        Encoding.UTF8.GetBytes($$"""{"description": "{{new string('x', endpoint.MaxBytes + 64 * 1024)}}"}""");

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Over_the_cap_is_413_with_a_length_chunked_or_an_absurd_declared_length(string name)
    {
        var endpoint = BodyEndpoints.Named(name);
        var before = await gateway.CheckpointAsync();
        var body = OverCap(endpoint);

        foreach (var chunked in new[] { false, true })
        {
            var (status, text) = await gateway.SendAsync(endpoint, body, chunked);
            BodyEndpoints.AssertRefused(status, text, $"{body.Length:N0} bytes {(chunked ? "chunked" : "with Content-Length")} to {endpoint}", 413);
            Assert.Contains("body", JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key));
        }

        // A terabyte announced and never sent: answered from the header alone, at once.
        var port = endpoint.InternalPort ? gateway.Gateway.InternalPort : gateway.Gateway.PublicPort;
        var head = $"{endpoint.Method} {endpoint.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                   (endpoint.SignedIn ? $"Authorization: Bearer {gateway.AdminToken}\r\n" : "") +
                   "Content-Length: 1099511627776\r\n\r\n{\"description\": \"";
        var absurd = await RawHttp.SendAsync(port, head);
        Assert.NotNull(absurd);
        BodyEndpoints.AssertRefused(absurd.Status, absurd.Body, $"a declared terabyte to {endpoint}", 413);

        await gateway.AssertUnharmedAsync(before, output);
    }
}
